package katajudge.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import katajudge.bundle.BundleBuilder;
import katajudge.bundle.TemplateBuilder;
import katajudge.report.Signer;
import katajudge.run.JudgeHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ready-to-copy CI files are read as YAML (as GitHub and GitLab read them) and their commands are
 * run here, in a teacher's grading repository made of the template's {@code katas} script pinned to a
 * real bundle (fetched through its file:// URL and checked against its SHA-256), with a roster of one
 * learner whose repository implements no day yet, so the run is quick but goes through every step:
 * fetch the judge, grade each shard, merge the shards into a verified board.
 */
class CiWorkflowsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path CI = Path.of(System.getProperty("katas.root")).resolve("docs/ci");

    @TempDir
    static Path tmp;
    static Path teacher;
    static String signingKey;

    @BeforeAll
    static void teacherRepository() throws Exception {
        JudgeHome home = JudgeHome.locate(null);
        BundleBuilder.Built built = BundleBuilder.build(home, tmp.resolve("dist"), "ci");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(built.zip())));
        Path template = tmp.resolve("template");
        TemplateBuilder.write(home, template, new TemplateBuilder.BundleRef(built.version(),
                built.zip().toUri().toString(), sha));
        teacher = tmp.resolve("teacher");
        Files.createDirectories(teacher.resolve(".katas"));
        Files.copy(template.resolve("katas"), teacher.resolve("katas"));
        Files.copy(template.resolve(".katas/bundle.properties"), teacher.resolve(".katas/bundle.properties"));
        Signer signer = Signer.generate();
        signer.writeKeys(tmp.resolve("keys"), "grader");
        Files.copy(tmp.resolve("keys/grader.pub"), teacher.resolve("grader.pub"));
        signingKey = Files.readString(tmp.resolve("keys/grader.key"));
        Path learner = tmp.resolve("learner");
        Files.createDirectories(learner.resolve("src/main/java/learner"));
        Files.writeString(learner.resolve("src/main/java/learner/Notes.java"), "package learner; class Notes {}");
        sh(learner, Map.of(), "git init -q -b main && git add -A && git -c user.name=t -c user.email=t@t "
                + "commit -qm start");
        Files.writeString(teacher.resolve("roster.csv"), "ann," + learner + "\n");
    }

    @Test
    void theTeachersGitHubWorkflowGradesInShardsAndPublishesAVerifiedBoard() throws Exception {
        JsonNode wf = YAML.readTree(CI.resolve("teacher-github.yml").toFile());
        JsonNode grade = wf.path("jobs").path("grade");
        List<Integer> shards = new ArrayList<>();
        grade.path("strategy").path("matrix").path("shard").forEach(s -> shards.add(s.asInt()));
        assertEquals(List.of(1, 2, 3, 4), shards);
        assertEquals("grade", wf.path("jobs").path("board").path("needs").asText());
        Path work = Files.createDirectories(tmp.resolve("github"));
        copyTeacher(work);
        for (int shard : shards) {
            for (JsonNode step : grade.path("steps")) {
                if (step.has("run")) {
                    assertTrue(step.path("env").path("KATAS_SIGNING_KEY").asText().contains("secrets."), step::toString);
                    Run r = sh(work, Map.of("KATAS_SIGNING_KEY", signingKey),
                            step.path("run").asText().replace("${{ matrix.shard }}", String.valueOf(shard)));
                    assertEquals(0, r.exit(), r::toString);
                }
            }
            // actions/download-artifact with a pattern puts each artifact in a folder of its name.
            Files.move(work.resolve("graded-" + shard), Files.createDirectories(work.resolve("shards"))
                    .resolve("graded-" + shard));
        }
        for (JsonNode step : wf.path("jobs").path("board").path("steps")) {
            if (step.has("run")) {
                Run r = sh(work, Map.of(), step.path("run").asText());
                assertEquals(0, r.exit(), r::toString);
            }
        }
        JsonNode board = new ObjectMapper().readTree(work.resolve("site/index.json").toFile());
        assertTrue(board.path("verified").asBoolean());
        assertTrue(Files.isRegularFile(work.resolve("site/index.html")));
        assertTrue(Files.isRegularFile(work.resolve("site/grader.pub")), "anyone can check the board");
    }

    @Test
    void theTeachersGitLabPipelineGradesInParallelJobsAndPublishesPages() throws Exception {
        JsonNode ci = YAML.readTree(CI.resolve("teacher-gitlab.yml").toFile());
        List<String> shards = new ArrayList<>();
        ci.path("grade").path("parallel").path("matrix").get(0).path("SHARD").forEach(s -> shards.add(s.asText()));
        assertEquals(List.of("1", "2", "3", "4"), shards);
        Path work = Files.createDirectories(tmp.resolve("gitlab"));
        copyTeacher(work);
        for (String shard : shards) {
            for (JsonNode line : lines(ci.path("grade"))) {
                Run r = sh(work, Map.of("KATAS_SIGNING_KEY", signingKey, "SHARD", shard), line.asText());
                assertEquals(0, r.exit(), r::toString);
            }
        }
        for (JsonNode line : lines(ci.path("pages"))) {
            Run r = sh(work, Map.of(), line.asText());
            assertEquals(0, r.exit(), r::toString);
        }
        assertTrue(new ObjectMapper().readTree(work.resolve("public/index.json").toFile()).path("verified").asBoolean());
    }

    @Test
    void learnersWorkflowsGradeTheirOwnModuleWithoutGuessingAndSignNothing() throws Exception {
        for (String file : List.of("github-workflow.yml", "gitlab-ci.yml", "teacher-github.yml", "teacher-gitlab.yml")) {
            String text = Files.readString(CI.resolve(file));
            YAML.readTree(text);
            assertFalse(text.contains(".who") || text.contains("echo starter") || text.contains("KATAS_SECRET"), file);
        }
        for (String file : List.of("feedback-github.yml", "feedback-gitlab.yml")) {
            String text = TemplateBuilder.resource(file);
            YAML.readTree(text);
            assertTrue(text.contains("./katas grade --module . "), file);
            assertFalse(text.contains("SIGNING_KEY") || text.contains(".who"), file);
        }
        JsonNode fork = YAML.readTree(CI.resolve("github-workflow.yml").toFile());
        assertTrue(fork.path("jobs").path("feedback").toString().contains("make grade-modules"));
    }

    @Test
    void theKatasScriptRefusesABundleThatDoesNotMatchItsPinnedDigest() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("tampered"));
        copyTeacher(work);
        Path pin = work.resolve(".katas/bundle.properties");
        Files.writeString(pin, Files.readString(pin).replaceAll("sha256='[0-9a-f]+'", "sha256='" + "0".repeat(64) + "'"));
        Run r = sh(work, Map.of(), "./katas --version");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.out().contains("does not match its pinned SHA-256"), r::toString);
        assertFalse(Files.exists(work.resolve(".katas/cache/katas-judge-1.0.0+ci/judge.jar")), "nothing unpacked");
    }

    @Test
    void makeGradePassesThePolicyFlags() throws Exception {
        Run r = sh(CI.getParent().getParent(), Map.of(), "make -n grade WHO=alice MIN_SCORE=60 REQUIRE_DAYS=1-3 DAYS=1-5");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("grade --module submissions/alice --who alice --days 1-5 --min-score 60 "
                + "--require-days 1-3"), r::toString);
    }

    /** A GitLab job's commands in the order the runner runs them. */
    private static List<JsonNode> lines(JsonNode job) {
        List<JsonNode> out = new ArrayList<>();
        job.path("before_script").forEach(out::add);
        job.path("script").forEach(out::add);
        return out;
    }

    private static void copyTeacher(Path work) throws IOException {
        Files.createDirectories(work.resolve(".katas"));
        for (String f : List.of("katas", ".katas/bundle.properties", "grader.pub", "roster.csv")) {
            Files.copy(teacher.resolve(f), work.resolve(f), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    record Run(int exit, String out) {
        @Override
        public String toString() {
            return "exit " + exit + "\n" + out;
        }
    }

    /** A workflow's command, run by bash as the runner would, with the test's JDK first on the PATH. */
    static Run sh(Path dir, Map<String, String> env, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true);
        String javaHome = System.getProperty("java.home");
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().put("PATH", javaHome + "/bin:" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }
}
