package katajudge.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;

/**
 * {@code make template OUT=dir}: a ready-to-push learner repository holding
 * only what a learner needs: every day's statement, API and public tests, the
 * starter module at the top (its {@code src/main/java} is what gets graded),
 * a {@code katas} script and a Makefile that fetch the pinned judge bundle for
 * practice judging, and a feedback-only CI workflow that judges this very
 * module. No hidden tests, no spec files, no solutions: grades come from the
 * teacher's bundle and key, never from this repository.
 *
 * <p>The text files it writes are kept under {@code src/main/resources/template/}
 * in the judge, so they read as what they are (a Makefile, a shell script, a
 * workflow) and are checked by tests that parse them.
 */
public final class TemplateBuilder {

    /** Where the learner's script finds the judge: a URL (https://, file://) and its SHA-256. */
    public record BundleRef(String version, String url, String sha256) {}

    /** Resource name (no leading dots: build tools skip dot files) to the path in the learner repository. */
    static final java.util.Map<String, String> FILES = java.util.Map.of("README.md", "README.md", "Makefile",
            "Makefile", "katas", "katas", "pom.xml", "pom.xml", "gitignore", ".gitignore",
            "feedback-github.yml", ".github/workflows/feedback.yml", "feedback-gitlab.yml", ".gitlab-ci.yml");

    private TemplateBuilder() {}

    public static void write(JudgeHome home, Path out, BundleRef bundle) throws IOException, BadInputException {
        if (Files.exists(out) && !isEmptyDir(out)) {
            throw new BadInputException(out + " exists and is not empty: choose a new folder for the template");
        }
        Path starter = home.projectRoot().resolve("submissions/starter/src/main/java");
        if (!Files.isDirectory(starter)) {
            throw new BadInputException("no starter module at " + starter + ": run from the project, not a bundle");
        }
        Files.createDirectories(out);
        Path root = home.problemsDir();
        try (Stream<Path> list = Files.list(root)) {
            for (Path day : list.filter(d -> d.getFileName().toString().matches("day\\d{2}-.*")).sorted().toList()) {
                // Statement, API and public tests; not spec.json (judge settings) nor anything hidden or solved.
                for (String piece : List.of("README.md", "api", "tests/public")) {
                    copy(root, ProblemDigest.files(day.resolve(piece)), out.resolve("problems"));
                }
            }
        }
        copy(starter.getParent().getParent().getParent(), ProblemDigest.files(starter), out);
        for (var file : FILES.entrySet()) {
            String name = file.getValue();
            String text = resource(file.getKey()).replace("@VERSION@", bundle.version()).replace("@URL@", bundle.url())
                    .replace("@SHA256@", bundle.sha256());
            Path target = out.resolve(name);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        }
        Files.setPosixFilePermissions(out.resolve("katas"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(out.resolve(".katas"));
        Files.writeString(out.resolve(".katas/bundle.properties"), "# The judge this repository practises with "
                + "(written by 'make template'; the teacher grades with the same bundle).\nversion='"
                + bundle.version() + "'\nurl='" + bundle.url() + "'\nsha256='" + bundle.sha256() + "'\n");
    }

    /** A template file as the judge jar holds it (for tests that read the workflows it writes). */
    public static String resource(String name) throws IOException {
        try (var in = TemplateBuilder.class.getResourceAsStream("/template/" + name)) {
            if (in == null) {
                throw new IOException("the judge jar lacks its template file " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void copy(Path from, List<Path> files, Path to) throws IOException {
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
    }

    private static boolean isEmptyDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }
}
