package katajudge.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec-defaults.json under each spec.json: what a spec leaves out is the default, what it says wins. */
class SpecDefaultsTest {

    @TempDir
    Path root;

    @Test
    void aSpecWithoutLimitsOrHygieneDefaultsTakesTheDefaults() throws Exception {
        ProblemSpec s = read("""
                "hygiene": {"maxThreads": 4},
                "speedup": {"workload": "W", "baseline": "B", "target": 2.0}""");
        assertEquals(new ProblemSpec.Limits(5000, 60000, 256, 1000), s.limits());
        assertEquals(new ProblemSpec.Hygiene(4, "forbid", true), s.hygiene());
        assertEquals(3, s.speedup().runs());
        assertEquals(false, s.speedup().cpuBound(), "a workload is sleep-bound unless its spec says so");
    }

    @Test
    void aCpuBoundWorkloadSaysSo() throws Exception {
        ProblemSpec s = read("""
                "hygiene": {"maxThreads": 4},
                "speedup": {"workload": "W", "baseline": "B", "target": 1.3, "cpuBound": true}""");
        assertTrue(s.speedup().cpuBound());
    }

    @Test
    void whatTheSpecSaysWins() throws Exception {
        ProblemSpec s = read("""
                "limits": {"testTimeoutMs": 8000, "lingerMs": 0},
                "hygiene": {"maxThreads": 4, "leaks": "allow", "busyWait": false},
                "speedup": {"workload": "W", "baseline": "B", "runs": 5, "target": 2.0}""");
        assertEquals(new ProblemSpec.Limits(8000, 60000, 256, 0), s.limits());
        assertEquals(new ProblemSpec.Hygiene(4, "allow", false), s.hygiene());
        assertEquals(5, s.speedup().runs());
    }

    @Test
    void noSpeedupSectionStaysNone() throws Exception {
        assertNull(read("""
                "hygiene": {"maxThreads": 4}""", 100, 0).speedup());
    }

    @Test
    void aRequiredFieldWithoutDefaultIsStillNamed() {
        SpecException e = assertThrows(SpecException.class, () -> read("""
                "hygiene": {"leaks": "allow"}"""));
        assertTrue(e.getMessage().contains("field 'hygiene.maxThreads'"), e.getMessage());
    }

    @Test
    void aTypoBesideTheDefaultsIsStillRefused() {
        SpecException e = assertThrows(SpecException.class, () -> read("""
                "limits": {"lingerMS": 10},
                "hygiene": {"maxThreads": 4}"""));
        assertTrue(e.getMessage().contains("lingerMS"), e.getMessage());
    }

    private ProblemSpec read(String sections) throws Exception {
        return read(sections, 75, 25);
    }

    private ProblemSpec read(String sections, int correctness, int speedup) throws Exception {
        Path day = root.resolve("day01-x");
        for (String piece : new String[] {"api", "tests/hidden", "tests/public", "solutions/accepted"}) {
            Files.createDirectories(day.resolve(piece));
        }
        Files.writeString(day.resolve("README.md"), "# x");
        Files.writeString(day.resolve("spec.json"), """
                {"day": 1, "title": "t", "concept": "c", "api": "katas.day01.A", "tests": ["katas.day01.T"],
                 "weights": {"correctness": %d, "speedup": %d, "hygiene": %d},
                %s}""".formatted(correctness, speedup, 100 - correctness - speedup, sections));
        return new ProblemSet(root).read(day).spec();
    }
}
