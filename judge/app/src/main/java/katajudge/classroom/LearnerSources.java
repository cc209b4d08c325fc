package katajudge.classroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A learner's sources at one pinned commit, read straight from git's object
 * store: the repository is cloned bare (no checkout, so no hook, filter or
 * build file of the learner ever runs) and only the regular {@code .java}
 * files under the module's {@code src/main/java} are taken. Left out, each
 * with its reason: symbolic links and submodules (they could point out of
 * the repository), huge files, and files posing as the judge's own classes
 * (a "hidden test" or "solution" dropped into the tree, anything in a
 * package of the judge or the problem set).
 *
 * @param commit  the commit graded
 * @param files   path under src/main/java to blob id, sorted
 * @param ignored path to why it was left out
 */
public record LearnerSources(String commit, Map<String, String> files, Map<String, String> ignored, Path gitDir) {

    /** Larger source files are not a learner's kata: left out so they cannot slow or exhaust the grader. */
    public static final long MAX_FILE_BYTES = 256 * 1024;
    private static final Pattern DAY = Pattern.compile("katas/day(\\d{2})/.*");
    private static final Pattern JUDGE_PACKAGE = Pattern.compile(
            "(katas/day\\d{2}/(hidden|solutions)/.*|katajudge/.*|katas/support/.*)");
    private static final long GIT_TIMEOUT_SECONDS = 300;

    /**
     * Clones {@code repository} into {@code gitDir} (bare), resolves {@code ref} to a commit and lists
     * the module's sources.
     *
     * @param judgeClasses class files of the judge's problem set ({@code katas/day01/Goroutines.class}...):
     *                     a learner file that would define one of them is left out
     */
    public static LearnerSources fetch(Roster.Entry e, Path gitDir, Set<String> judgeClasses)
            throws IOException, GitException {
        git(null, "clone", "--bare", "--quiet", "--no-tags", "--", e.repository(), gitDir.toString());
        String commit = git(gitDir, "rev-parse", "--verify", "--end-of-options", e.ref() + "^{commit}").strip();
        String prefix = (e.module().equals(".") ? "" : e.module() + "/") + "src/main/java/";
        String listing = git(gitDir, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", prefix);
        Map<String, String> files = new TreeMap<>();
        Map<String, String> ignored = new TreeMap<>();
        for (String row : listing.split("\0")) {
            if (row.isBlank()) {
                continue;
            }
            // "<mode> <type> <object> <size>\t<path>"
            int tab = row.indexOf('\t');
            String[] meta = row.substring(0, tab).trim().split("\\s+");
            String path = row.substring(tab + 1).substring(prefix.length());
            String why = whyIgnored(meta[0], meta[1], meta[3], path, judgeClasses);
            if (why != null) {
                if (!path.endsWith(".java") && why.startsWith("not a .java")) {
                    continue; // resources, notes: not worth a line
                }
                ignored.put(path, why);
            } else {
                files.put(path, meta[2]);
            }
        }
        return new LearnerSources(commit, files, ignored, gitDir);
    }

    static String whyIgnored(String mode, String type, String size, String path, Set<String> judgeClasses) {
        if (mode.equals("120000")) {
            return "a symbolic link (it could point out of the repository)";
        }
        if (!type.equals("blob")) {
            return "a submodule";
        }
        if (!path.endsWith(".java")) {
            return "not a .java file";
        }
        if (!size.equals("-") && Long.parseLong(size) > MAX_FILE_BYTES) {
            return "larger than " + MAX_FILE_BYTES / 1024 + " KB";
        }
        if (JUDGE_PACKAGE.matcher(path).matches()
                || judgeClasses.contains(path.substring(0, path.length() - ".java".length()) + ".class")) {
            return "poses as one of the judge's classes";
        }
        return null;
    }

    /** The day a source belongs to (its package katas.dayNN), or 0 for shared code every day compiles. */
    public static int dayOf(String path) {
        Matcher m = DAY.matcher(path);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** What day {@code day} compiles: its own package's files and the shared ones. */
    public Map<String, String> forDay(int day) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((path, blob) -> {
            int d = dayOf(path);
            if (d == 0 || d == day) {
                out.put(path, blob);
            }
        });
        return out;
    }

    public boolean implementsDay(int day) {
        return files.keySet().stream().anyMatch(p -> dayOf(p) == day);
    }

    /** Writes {@code files} (path to blob) under {@code srcMainJava}, from git's objects. */
    public void extract(Map<String, String> files, Path srcMainJava) throws IOException, GitException {
        for (var f : files.entrySet()) {
            Path target = srcMainJava.resolve(f.getKey()).normalize();
            if (!target.startsWith(srcMainJava)) {
                throw new GitException("the path " + f.getKey() + " leaves the module");
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, git(gitDir, "cat-file", "blob", f.getValue()));
        }
    }

    /** A git command that failed: its own message, for the teacher's log. */
    public static final class GitException extends Exception {
        GitException(String message) {
            super(message);
        }
    }

    /** Runs git with no user or system configuration, so nothing configured on the grader changes it. */
    static String git(Path gitDir, String... args) throws IOException, GitException {
        List<String> command = new ArrayList<>(List.of("git"));
        if (gitDir != null) {
            command.add("--git-dir=" + gitDir);
        }
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new GitException("git " + args[0] + " took longer than " + GIT_TIMEOUT_SECONDS + " s");
            }
            drain.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GitException("interrupted");
        }
        if (p.exitValue() != 0) {
            throw new GitException("git " + args[0] + ": " + err.toString(StandardCharsets.UTF_8).strip());
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process ended; what was read is enough for a message
        }
    }
}
