package katajudge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katajudge.run.JudgeHome;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code judge --version}: the judge's version (from its jar's manifest), the
 * git commit of the checkout it was run from (so a bug report names the
 * exact code), and the JDK it runs on.
 */
final class JudgeVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = JudgeVersion.class.getPackage().getImplementationVersion();
        List<String> lines = new ArrayList<>();
        lines.add("katas judge " + (version == null ? "(development build)" : version));
        lines.add("commit " + commit());
        lines.add(problemSet());
        lines.add("JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"));
        return lines.toArray(String[]::new);
    }

    /** The problem set this judge grades with: its digest, and the bundle's version when run from one. */
    private static String problemSet() {
        try {
            var p = katajudge.bundle.Provenance.of(JudgeHome.locate(null).problemsDir());
            return "problem set " + p.problemSet() + " (judge " + p.judge() + ")";
        } catch (Exception e) {
            return "problem set unknown (" + e.getMessage() + ")";
        }
    }

    /** The checkout's commit, with "+ local changes" when the tree is dirty; "unknown" without git. */
    private static String commit() {
        try {
            Path root = JudgeHome.locate(null).projectRoot();
            String head = git(root, "rev-parse", "--short=12", "HEAD");
            if (head.isEmpty()) {
                return "unknown (not a git checkout)";
            }
            return head + (git(root, "status", "--porcelain", "--untracked-files=no").isEmpty() ? "" : " + local changes");
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String git(Path root, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? text : "";
    }
}
