package katajudge.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import katajudge.bundle.Provenance;
import katajudge.run.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a day compiles and what its cache key depends on; the roster's rules. No JVM is started. */
class LearnerSourcesTest {

    @TempDir
    Path tmp;

    @Test
    void eachDayCompilesItsOwnPackageAndTheSharedCodeAndItsKeyMovesOnlyWithThem() throws Exception {
        Path repo = tmp.resolve("repo");
        write(repo, "sub/src/main/java/katas/day01/A.java", "package katas.day01; class A {}");
        write(repo, "sub/src/main/java/katas/day02/B.java", "package katas.day02; class B {}");
        write(repo, "sub/src/main/java/util/Shared.java", "package util; public class Shared {}");
        write(repo, "sub/src/main/java/katas/day01/notes.txt", "not code");
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", "-A");
        git(repo, "commit", "-qm", "one");
        Roster.Entry e = new Roster.Entry("ann", repo.toString(), "main", "sub");
        LearnerSources first = LearnerSources.fetch(e, tmp.resolve("g1"), Set.of());
        assertEquals(Set.of("katas/day01/A.java", "util/Shared.java"), first.forDay(1).keySet());
        assertEquals(Set.of("katas/day02/B.java", "util/Shared.java"), first.forDay(2).keySet());
        assertTrue(first.implementsDay(1) && !first.implementsDay(3));

        write(repo, "sub/src/main/java/katas/day02/B.java", "package katas.day02; class B { int changed; }");
        git(repo, "commit", "-qam", "two");
        LearnerSources second = LearnerSources.fetch(e, tmp.resolve("g2"), Set.of());
        Provenance judge = new Provenance("1.0.0", "sha256:aa");
        assertEquals(GradeCache.key(judge, "k", 1, first.forDay(1)), GradeCache.key(judge, "k", 1, second.forDay(1)),
                "day 1 did not change");
        assertNotEquals(GradeCache.key(judge, "k", 2, first.forDay(2)), GradeCache.key(judge, "k", 2, second.forDay(2)));
        assertNotEquals(GradeCache.key(judge, "k", 1, first.forDay(1)),
                GradeCache.key(new Provenance("1.0.1", "sha256:aa"), "k", 1, first.forDay(1)), "a new judge");
        assertNotEquals(GradeCache.key(judge, "k", 1, first.forDay(1)),
                GradeCache.key(new Provenance("1.0.0", "sha256:bb"), "k", 1, first.forDay(1)), "a new problem set");
        assertNotEquals(GradeCache.key(judge, "k", 1, first.forDay(1)), GradeCache.key(judge, "k2", 1, first.forDay(1)),
                "another signing key");

        Path out = tmp.resolve("day01/src/main/java");
        second.extract(second.forDay(1), out);
        assertEquals("package katas.day01; class A {}", Files.readString(out.resolve("katas/day01/A.java")));
        assertTrue(!Files.exists(out.resolve("katas/day02")));
    }

    @Test
    void rosterLinesAreCheckedAndShardsSplitTheClassEvenly() throws Exception {
        Path file = tmp.resolve("roster.csv");
        Files.writeString(file, "# name, repository, ref, module\nann, repos/ann\nbob, https://git.example/bob.git, v1, mod\n"
                + "cyd, repos/cyd\n");
        Roster r = Roster.read(file);
        assertEquals(tmp.resolve("repos/ann").toString(), r.entries().get(0).repository());
        assertEquals(new Roster.Entry("bob", "https://git.example/bob.git", "v1", "mod"), r.entries().get(1));
        assertEquals(List.of("ann", "cyd"), r.shard(Roster.Shard.parse("1/2")).stream().map(Roster.Entry::name).toList());
        assertEquals(List.of("bob"), r.shard(Roster.Shard.parse("2/2")).stream().map(Roster.Entry::name).toList());
        for (String bad : List.of("ann", "starter, x", "ann, x\nann, y", "ann, x, --upload-pack=evil", "ann, x, main, ../up")) {
            Files.writeString(file, bad + "\n");
            assertThrows(BadInputException.class, () -> Roster.read(file), bad);
        }
        for (String bad : List.of("0/2", "3/2", "a/b", "1")) {
            assertThrows(BadInputException.class, () -> Roster.Shard.parse(bad), bad);
        }
    }

    private static void write(Path repo, String path, String text) throws Exception {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
