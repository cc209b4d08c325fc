package katajudge.grade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import katajudge.protocol.Frame;
import katajudge.report.Result;

/**
 * What grading tells the CI around the report. On GitHub Actions: error
 * annotations at the learner's file and line, and everything a learner's
 * code could have written (messages, output) fenced with
 * {@code ::stop-commands::} so it cannot run workflow commands. Elsewhere
 * plain text.
 */
final class CiOutput {

    private final PrintWriter out;
    private final boolean github;
    private String fence;
    /** Annotations already printed in this grading: a cause shared by several days is annotated once. */
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    CiOutput(PrintWriter out, boolean github) {
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

    /**
     * Error annotations where they help: one per compile error at its file and line, and one per distinct
     * failing cause (file, line, message) of the tests whose stack reaches the learner's code; paths are
     * relative to the repository (the current folder), as GitHub needs them.
     */
    void annotate(Result r, Path module) {
        if (!github) {
            return;
        }
        if (r.verdict() == katajudge.score.Verdict.BUILD_FAILED) {
            for (var f : r.findings()) {
                for (String error : f.details()) {
                    var m = COMPILE_ERROR.matcher(error.lines().findFirst().orElse(""));
                    String title = String.format("Day %d BUILD_FAILED", r.day());
                    String line = m.matches()
                            ? "::error file=" + property(relative(Path.of(m.group(1)))) + ",line=" + m.group(2)
                                    + ",title=" + property(title) + "::" + data(m.group(3))
                            : "::error title=" + property(title) + "::" + data(error);
                    if (seen.add(m.matches() ? m.group(1) + ":" + m.group(2) + ":" + m.group(3) : error)) {
                        out.println(line);
                    }
                }
            }
            return;
        }
        for (var t : r.tests()) {
            if (t.status().passed()) {
                continue;
            }
            Optional<String[]> where = learnerLocation(t.stack(), module);
            String title = String.format("Day %d %s", r.day(), t.status());
            String message = t.message() == null ? t.status().name() : t.message();
            String line = where.map(w -> "::error file=" + property(w[0]) + ",line=" + w[1] + ",title="
                    + property(title) + "::" + data(message))
                    .orElse("::error title=" + property(title) + "::" + data(message));
            if (seen.add(where.map(w -> w[0] + ":" + w[1]).orElse("") + ":" + t.status() + ":" + message)) {
                out.println(line);
            }
        }
    }

    private static final java.util.regex.Pattern COMPILE_ERROR = java.util.regex.Pattern.compile("(.+?\\.java):(\\d+): (.*)");

    /** A path relative to the current folder (the repository in CI) when it is below it. */
    static String relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(here) ? here.relativize(abs) : file).toString();
    }

    /** "> pkg.Cls.method(File.java:12)" -> {src/main/java/pkg/File.java, 12}, when that file exists. */
    static Optional<String[]> learnerLocation(List<String> stack, Path module) {
        for (String line : stack) {
            Frame frame = Frame.parse(line);
            if (!frame.learner() || frame.location().isEmpty()) {
                continue;
            }
            Frame.Location at = frame.location().get();
            String cls = at.className();
            String pkg = cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')).replace('.', '/') + "/" : "";
            Path file = module.resolve("src/main/java").resolve(pkg + at.file());
            if (java.nio.file.Files.isRegularFile(file)) {
                return Optional.of(new String[] {relative(file), String.valueOf(at.line())});
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
