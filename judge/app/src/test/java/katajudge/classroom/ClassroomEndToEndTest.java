package katajudge.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import katajudge.bundle.BundleBuilder;
import katajudge.bundle.TemplateBuilder;
import katajudge.report.Signer;
import katajudge.run.JudgeHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class graded from start to end, the way a teacher would: the bundle and the template are built,
 * three learners' repositories are made with git from the template (one good, one failing, one hostile),
 * the roster is graded in two shards by the bundle's own judge, in child processes, and the shards are
 * merged into a verified board. Only day 1 is graded (one learner-day is about 20 s on a loaded machine).
 */
class ClassroomEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = """
            package katas.day01;

            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            public class MyGoroutines implements Goroutines {
                @Override
                public void runAll(int n, Runnable task) {
                    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                        for (int i = 0; i < n; i++) {
                            executor.submit(task);
                        }
                    }
                }
            }
            """;
    private static final String FORGETS_TO_WAIT = """
            package katas.day01;

            public class MyGoroutines implements Goroutines {
                @Override
                public void runAll(int n, Runnable task) {
                    for (int i = 0; i < n; i++) {
                        Thread.ofVirtual().start(task);
                    }
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aRosterGradedInTwoShardsMergesIntoAVerifiedBoardThatHostileRepositoriesCannotBend() throws Exception {
        long start = System.nanoTime();
        JudgeHome home = JudgeHome.locate(null);
        BundleBuilder.Built built = BundleBuilder.build(home, tmp.resolve("dist"), "e2e");
        Path bundle = BundleBuilder.unpack(built.zip(), tmp.resolve("bundle"));
        Path template = tmp.resolve("template");
        TemplateBuilder.write(home, template, new TemplateBuilder.BundleRef(built.version(),
                built.zip().toUri().toString(), "unused"));
        Path keys = tmp.resolve("keys");
        assertEquals(0, judge(bundle, "keygen", "--dir", keys.toString()).exit());

        // The learners: each a git repository made from the template.
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("Stolen.java"), "package katas.day01; class Stolen { DoesNotCompile x; }");
        Path marker = tmp.resolve("build-file-ran");
        Path ann = learner("ann", template, GOOD);
        Path bob = learner("bob", template, FORGETS_TO_WAIT);
        String bobPinned = git(bob, "rev-parse", "HEAD").strip();
        Files.writeString(bob.resolve("src/main/java/katas/day01/MyGoroutines.java"), GOOD);
        git(bob, "commit", "-qam", "fixed after the deadline");
        Path eve = learner("eve", template, GOOD);
        Files.writeString(eve.resolve("pom.xml"), hostilePom(marker));
        Files.writeString(eve.resolve("Makefile"), "grade:\n\ttouch " + marker + "\n");
        Path day01 = eve.resolve("src/main/java/katas/day01");
        Files.createSymbolicLink(day01.resolve("Stolen.java"), outside.resolve("Stolen.java"));
        Files.createDirectories(day01.resolve("hidden"));
        Files.writeString(day01.resolve("hidden/Day01HiddenTest.java"),
                "package katas.day01.hidden; public class Day01HiddenTest { FakeTestsPassAlways x; }");
        Files.writeString(day01.resolve("Goroutines.java"), "package katas.day01; public interface Goroutines {"
                + " void runAll(int n, Runnable task) throws Exception; NotTheRealApi x(); }");
        Files.createDirectories(eve.resolve("problems/day01-goroutines"));
        Files.writeString(eve.resolve("problems/day01-goroutines/spec.json"), "{\"day\": 1, \"hygiene\": {\"busyWait\": false}}");
        Files.writeString(day01.resolve("Huge.java"), "package katas.day01; class Huge { HugeDoesNotCompile x; }\n"
                + "//".repeat(200_000) + "\n");
        git(eve, "add", "-A");
        git(eve, "commit", "-qm", "tricks");

        Path roster = tmp.resolve("roster.csv");
        Files.writeString(roster, """
                # name, repository, ref, module
                ann, learners/ann, main
                bob, learners/bob, %s
                eve, learners/eve, , .
                """.formatted(bobPinned));

        Path cache = tmp.resolve("cache");
        List<Run> shards = new ArrayList<>();
        for (String shard : List.of("1/2", "2/2")) {
            Run r = judge(bundle, "classroom", "--roster", roster.toString(), "--key", keys.resolve("grader.key")
                    .toString(), "--days", "1", "--shard", shard, "--cache", cache.toString(), "--out",
                    tmp.resolve("shard-" + shard.charAt(0)).toString(), "--allow-no-sandbox");
            assertEquals(0, r.exit(), r::toString);
            shards.add(r);
        }
        assertTrue(shards.get(0).out().contains("2 learners (shard 1/2), 2 days judged"), shards.get(0)::toString);
        assertTrue(shards.get(1).out().contains("1 learners (shard 2/2), 1 days judged"), shards.get(1)::toString);
        String eveLog = shards.get(0).out();
        assertTrue(eveLog.contains("katas/day01/Stolen.java=a symbolic link"), eveLog);
        assertTrue(eveLog.contains("katas/day01/hidden/Day01HiddenTest.java=poses as one of the judge's classes"), eveLog);
        assertTrue(eveLog.contains("katas/day01/Goroutines.java=poses as one of the judge's classes"), eveLog);
        assertTrue(eveLog.contains("katas/day01/Huge.java=larger than 256 KB"), eveLog);
        assertFalse(Files.exists(marker), "nothing of the learner's build files ran");
        assertEquals(2, JSON.readTree(tmp.resolve("shard-1/board.json").toFile()).path("rows").size(),
                "each shard writes the board of its learners");

        // The merge job: both shards' folders into one verified board, --out naming both files.
        Path site = tmp.resolve("site");
        Run merged = judge(bundle, "leaderboard", "--verify", keys.resolve("grader.pub").toString(),
                tmp.resolve("shard-1").toString(), tmp.resolve("shard-2").toString(), "--out",
                site.resolve("board.json").toString());
        assertEquals(0, merged.exit(), merged::toString);
        assertTrue(Files.isRegularFile(site.resolve("board.html")));
        assertFalse(Files.exists(tmp.resolve("leaderboard.html")), "--out governs the page too");
        JsonNode board = JSON.readTree(site.resolve("board.json").toFile());
        assertTrue(board.path("verified").asBoolean());
        assertEquals(0, board.path("excluded").size(), board::toString);
        assertEquals("ACCEPTED", verdict(board, "ann"));
        assertEquals("WRONG_ANSWER", verdict(board, "bob"), "graded at the pinned commit, not the later fix");
        assertEquals("ACCEPTED", verdict(board, "eve"), "the hostile extras changed nothing");

        Signer.Verifier verifier = Signer.Verifier.read(keys.resolve("grader.pub"));
        for (String who : List.of("ann", "eve")) {
            JsonNode result = JSON.readTree(tmp.resolve("shard-1/" + who + "/day01.json").toFile());
            assertNull(verifier.check(result), who);
            assertEquals(built.version(), result.path("producedBy").path("judge").asText());
            assertEquals(built.problemSet(), result.path("producedBy").path("problemSet").asText());
        }
        JsonNode bobResult = JSON.readTree(tmp.resolve("shard-2/bob/day01.json").toFile());
        assertEquals(bobPinned, bobResult.path("graded").path("commit").asText());

        // A learner who edits a signed result is left out, in one line that says why.
        ObjectNode forged = (ObjectNode) bobResult.deepCopy();
        forged.put("verdict", "ACCEPTED");
        ((ObjectNode) forged.get("score")).put("total", 100.0);
        Path forgedDir = tmp.resolve("forged/bob");
        Files.createDirectories(forgedDir);
        JSON.writeValue(forgedDir.resolve("day01.json").toFile(), forged);
        Run withForgery = judge(bundle, "leaderboard", "--verify", keys.resolve("grader.pub").toString(),
                tmp.resolve("shard-1").toString(), tmp.resolve("forged").toString(), "--out",
                tmp.resolve("site2/board.json").toString());
        assertEquals(0, withForgery.exit());
        assertTrue(withForgery.err().contains("left out 1 result: 1 altered"), withForgery::toString);
        assertEquals(1, withForgery.err().lines().count(), withForgery::toString);
        JsonNode board2 = JSON.readTree(tmp.resolve("site2/board.json").toFile());
        assertEquals(null, verdict(board2, "bob"));

        // Incremental: nothing changed, nothing is judged again.
        Run again = judge(bundle, "classroom", "--roster", roster.toString(), "--key",
                keys.resolve("grader.key").toString(), "--days", "1", "--shard", "1/2", "--cache", cache.toString(),
                "--out", tmp.resolve("shard-1-again").toString(), "--allow-no-sandbox");
        assertTrue(again.out().contains("0 days judged, 2 unchanged (cached)"), again::toString);
        assertEquals(Files.readString(tmp.resolve("shard-1/ann/day01.json")),
                Files.readString(tmp.resolve("shard-1-again/ann/day01.json")));
        System.out.printf("classroom end to end: %.1f s; shard runs %s%n", (System.nanoTime() - start) / 1e9,
                shards.stream().map(r -> r.out().lines().filter(l -> l.startsWith("classroom:")).findFirst()
                        .orElse("")).toList() + " " + again.out().lines().filter(l -> l.startsWith("classroom:"))
                        .findFirst().orElse(""));
    }

    private static String verdict(JsonNode board, String learner) {
        for (JsonNode row : board.path("rows")) {
            if (row.path("learner").asText().equals(learner)) {
                return row.path("days").get(0).path("verdict").asText();
            }
        }
        return null;
    }

    /** A learner repository made from the template, with day 1 written as {@code day1}. */
    private Path learner(String name, Path template, String day1) throws IOException, InterruptedException {
        Path repo = tmp.resolve("learners").resolve(name);
        copyTree(template, repo);
        Files.writeString(repo.resolve("src/main/java/katas/day01/MyGoroutines.java"), day1);
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", "-A");
        git(repo, "commit", "-qm", "day 1");
        return repo;
    }

    private static String hostilePom(Path marker) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>evil</groupId><artifactId>evil</artifactId><version>1</version>
                  <build><plugins><plugin>
                    <groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.5.0</version>
                    <executions><execution><phase>validate</phase><goals><goal>exec</goal></goals>
                      <configuration><executable>touch</executable><arguments><argument>%s</argument></arguments>
                      </configuration></execution></executions>
                  </plugin></plugins></build>
                </project>
                """.formatted(marker);
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    /** The bundle's own judge, as a teacher's CI runs it. */
    private Run judge(Path bundle, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", bundle.resolve("judge.jar").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out-", ".txt");
        Path err = Files.createTempFile(tmp, "err-", ".txt");
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Run(exit, Files.readString(out), Files.readString(err));
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + ": " + out);
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
