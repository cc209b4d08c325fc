package katajudge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import katajudge.run.JudgeHome;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark of {@code make bench} at a tiny size, so a benchmark that
 * measures nothing (or crashes) fails the suite instead of printing a figure;
 * and the agent benchmark's own checks, both ways.
 */
class BenchTest {

    @Test
    void everyBenchmarkRunsAtATinySizeAndMeasuresWhatItSays() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Bench.run(JudgeHome.locate(null), Bench.Size.TINY, Bench.PARTS,
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        for (String header : List.of("1. Fixed judge overhead", "2. Agent overhead", "3. Stability",
                "4. Leaderboard", "5. judge grade")) {
            assertTrue(out.contains(header), header + " missing from:\n" + out);
        }
        for (String workload : List.of("virtual threads, park once", "park/unpark round trips",
                "platform threads start+join")) {
            assertTrue(out.lines().anyMatch(l -> l.contains(workload) && l.contains("with")), out);
        }
        assertTrue(out.contains("{ACCEPTED=1}"), "the day 1 reference is judged ACCEPTED:\n" + out);
    }

    @Test
    void anAgentRunWithoutTheAgentFailsLoudly() throws Exception {
        JudgeHome home = JudgeHome.locate(null);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                home.appJar().toString(), AgentWorkloads.class.getName(), "with", "virtual-park", "10")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), out);
        assertTrue(out.contains("benchmark failed: the agent is not installed"), out);
        assertTrue(!out.contains("RESULT"), out);
    }

    @Test
    void theAgentCheckFiresWhenTheAgentMissedThreadsOrWaits() {
        assertThrows(AgentWorkloads.BenchFailure.class, () -> AgentWorkloads.check("virtual-park", 100, 0, 0, 0, 0));
        assertThrows(AgentWorkloads.BenchFailure.class, () -> AgentWorkloads.check("virtual-park", 100, 99, 0, 0, 0));
        assertThrows(AgentWorkloads.BenchFailure.class,
                () -> AgentWorkloads.check("platform-start", 10, 0, 9, 0, 0));
        assertThrows(AgentWorkloads.BenchFailure.class, () -> AgentWorkloads.check("park-unpark", 10, 0, 1, 7, 6));
        assertThrows(AgentWorkloads.BenchFailure.class, () -> AgentWorkloads.check("park-unpark", 10, 0, 0, 0, 0));
    }

    @Test
    void theAgentCheckIsSilentWhenTheAgentSawEverything() throws Exception {
        AgentWorkloads.check("virtual-park", 100, 100, 0, 0, 0);
        AgentWorkloads.check("platform-start", 10, 0, 10, 0, 0);
        AgentWorkloads.check("park-unpark", 10, 0, 1, 7, 9);
    }
}
