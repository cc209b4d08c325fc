package katajudge.grade;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import katajudge.report.Result;

/**
 * What grading tells the CI around the report. On GitHub Actions: error
 * annotations at the learner's file and line, and everything a learner's
 * code could have written (messages, output) fenced with
 * {@code ::stop-commands::} so it cannot run workflow commands. Elsewhere
 * plain text.
 */
final class CiOutput {

    private final PrintStream out;
    private final boolean github;
    private String fence;

    CiOutput(PrintStream out, boolean github) {
        this.out = out;
        this.github = github;
    }

    static boolean onGitHub() {
        return "true".equals(System.getenv("GITHUB_ACTIONS"));
    }

    /** From here on, lines that look like workflow commands are printed as text. */
    void beginUntrusted() {
        if (github) {
            fence = HexFormat.of().formatHex(SecureRandom.getSeed(12));
            out.println("::stop-commands::" + fence);
        }
    }

    void endUntrusted() {
        if (github && fence != null) {
            out.println("::" + fence + "::");
            fence = null;
        }
    }

    /** An error annotation for each failing test whose stack reaches the learner's code. */
    void annotate(Result r, Path module) {
        if (!github) {
            return;
        }
        for (var t : r.tests()) {
            if (t.status().equals("PASSED")) {
                continue;
            }
            Optional<String[]> where = learnerLocation(t.stack(), module);
            String title = String.format("Day %d %s: %s", r.day(), t.status(), t.name());
            String message = t.message() == null ? t.status() : t.message();
            out.println(where.map(w -> "::error file=" + property(w[0]) + ",line=" + w[1] + ",title="
                    + property(title) + "::" + data(message))
                    .orElse("::error title=" + property(title) + "::" + data(message)));
        }
    }

    /** "> pkg.Cls.method(File.java:12)" -> {src/main/java/pkg/File.java, 12}, when that file exists. */
    static Optional<String[]> learnerLocation(List<String> stack, Path module) {
        for (String frame : stack) {
            if (!frame.startsWith("> ")) {
                continue;
            }
            var m = java.util.regex.Pattern.compile("> ([\\w.$]+)\\.[\\w$<>]+\\(([\\w$]+\\.java):(\\d+)\\)")
                    .matcher(frame);
            if (m.matches()) {
                String cls = m.group(1);
                String pkg = cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')).replace('.', '/') + "/" : "";
                Path file = module.resolve("src/main/java").resolve(pkg + m.group(2));
                if (java.nio.file.Files.isRegularFile(file)) {
                    return Optional.of(new String[] {file.toString(), m.group(3)});
                }
            }
        }
        return Optional.empty();
    }

    /** Escaping for a workflow command's message (GitHub's rules). */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping for a workflow command's property. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
