package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a one-line error that says what to do, exit code 2, and no
 * result file written or overwritten. A learner's compile error is not bad
 * input: it is the learner's BUILD_FAILED verdict.
 */
class BadInputTest {

    private static final String GOOD = """
            package learner;
            public class Good implements katas.fixture.Program { public void run() { } }
            """;

    @Test
    void aMissingJarIsBadInput() {
        assertBadInput(Fixture.submit(Fixture.ROOT.resolve("nowhere.jar")), "no jar at");
    }

    @Test
    void aCorruptJarIsBadInput() throws IOException {
        Path jar = Fixture.ROOT.resolve("jars/corrupt.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertBadInput(Fixture.submit(jar), "cannot be read");
    }

    @Test
    void aJarWithoutAnImplementationIsBadInput() {
        Path jar = Fixture.learnerJar("NoImpl", Map.of("learner.Other", "package learner; public class Other {}"));
        assertBadInput(Fixture.submit(jar), "no class that implements katas.fixture.Program");
    }

    @Test
    void aJarWithTwoImplementationsIsBadInput() {
        Path jar = Fixture.learnerJar("TwoImpls", Map.of("learner.Good", GOOD, "learner.Also", """
                package learner;
                public class Also implements katas.fixture.Program { public void run() { } }
                """));
        assertBadInput(Fixture.submit(jar), "keep exactly one");
    }

    @Test
    void aClassForANewerJdkIsBadInput() throws IOException {
        Path jar = Fixture.learnerJar("Newer", Map.of("learner.Good", GOOD));
        // Rewrite the class-file major version to the next JDK's.
        Path classes = Files.createTempDirectory(Fixture.ROOT, "newer-");
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                int next = Runtime.version().feature() + 45;
                bytes[6] = (byte) (next >> 8);
                bytes[7] = (byte) next;
                Path f = classes.resolve(e.getName());
                Files.createDirectories(f.getParent());
                Files.write(f, bytes);
            }
        }
        Path newer = Fixture.ROOT.resolve("jars/newer-major.jar");
        Fixture.writeJar(classes, newer);
        assertBadInput(Fixture.submit(newer), "was compiled for Java " + (Runtime.version().feature() + 1));
    }

    @Test
    void anUnknownDayIsBadInput() {
        Path jar = Fixture.learnerJar("Good", Map.of("learner.Good", GOOD));
        Fixture.Outcome o = Fixture.run(null, "submit", "--day", "29", "--jar", jar.toString());
        assertEquals(2, o.exitCode(), o::toString);
        assertTrue(o.err().contains("there is no day 29"), o::toString);
    }

    @Test
    void aBrokenSpecNamesTheFileAndTheField() throws IOException {
        Path problems = Fixture.variant(spec -> spec.replace("\"heapMb\"", "\"heapMegs\""));
        Path jar = Fixture.learnerJar("Good", Map.of("learner.Good", GOOD));
        Fixture.Outcome o = Fixture.runRaw(null, "submit", "--problems", problems.toString(), "--day", "1",
                "--jar", jar.toString());
        assertEquals(2, o.exitCode(), o::toString);
        // heapMb has a default (spec-defaults.json), so the typo itself is what is named.
        assertTrue(o.err().contains("spec.json") && o.err().contains("limits.heapMegs"), o::toString);
    }

    @Test
    void aNegativeLimitIsRefusedByName() throws IOException {
        Path problems = Fixture.variant(spec -> spec.replace("\"testTimeoutMs\": 3000", "\"testTimeoutMs\": -5"));
        Path jar = Fixture.learnerJar("Good", Map.of("learner.Good", GOOD));
        Fixture.Outcome o = Fixture.runRaw(null, "submit", "--problems", problems.toString(), "--day", "1",
                "--jar", jar.toString());
        assertEquals(2, o.exitCode(), o::toString);
        assertTrue(o.err().contains("limits.testTimeoutMs"), o::toString);
    }

    @Test
    void badInputNeverOverwritesAnEarlierResult() throws IOException {
        Path json = Fixture.ROOT.resolve("results/keep.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, "{\"earlier\": true}");
        Fixture.Outcome o = Fixture.runRaw(null, "submit", "--problems", Fixture.PROBLEMS.toString(), "--day", "1",
                "--jar", Fixture.ROOT.resolve("missing.jar").toString(), "--json", json.toString());
        assertEquals(2, o.exitCode());
        assertEquals("{\"earlier\": true}", Files.readString(json));
    }

    @Test
    void aModuleThatDoesNotCompileIsBuildFailedWithFileAndLine() throws IOException {
        Path module = Files.createTempDirectory(Fixture.ROOT, "module-");
        Path src = module.resolve("src/main/java/learner/Broken.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package learner;
                public class Broken implements katas.fixture.Program {
                    public void run() { int x = "not a number"; }
                }
                """);
        Path json = Fixture.ROOT.resolve("results/broken.json");
        Fixture.Outcome o = Fixture.run(json, "submit", "--day", "1", "--module", module.toString(), "--json",
                json.toString());
        assertEquals(0, o.exitCode(), o::toString);
        assertEquals("BUILD_FAILED", o.verdict(), o::toString);
        assertTrue(o.out().contains("Broken.java:3"), o::toString);
    }

    @Test
    void aModuleThatCompilesIsJudged() throws IOException {
        Path module = Files.createTempDirectory(Fixture.ROOT, "module-");
        Path src = module.resolve("src/main/java/learner/Good.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, GOOD);
        Path json = Fixture.ROOT.resolve("results/module.json");
        Fixture.Outcome o = Fixture.run(json, "submit", "--day", "1", "--module", module.toString(), "--json",
                json.toString());
        assertEquals("ACCEPTED", o.verdict(), o::toString);
        assertTrue(Files.readString(module.resolve("results/history.jsonl")).contains("ACCEPTED"));
    }

    private static void assertBadInput(Fixture.Outcome o, String message) {
        assertEquals(2, o.exitCode(), o::toString);
        assertTrue(o.err().contains(message), "expected '" + message + "' in: " + o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertNull(o.result(), "no result file written");
    }
}
