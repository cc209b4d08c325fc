package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's limits on a judging's memory and tasks: where the judge finds
 * its groups (on a made-up tree), and, where this machine lets the judge make
 * groups (the machine the suite runs on does), that a command run through
 * {@link Cgroups.Group#enter()} is inside them, is stopped at each limit, and
 * that the judge sees which one.
 */
class CgroupsTest {

    @TempDir
    Path tree;

    private Path group(String... parts) throws IOException {
        Path g = tree.resolve(String.join("/", parts));
        Files.createDirectories(g);
        Files.writeString(g.resolve("cgroup.procs"), "");
        return g;
    }

    @Test
    void theJudgesOwnGroupsAreFoundFromItsCgroupLines() throws IOException {
        Path memory = group("memory", "runner", "job-7");
        Path pids = group("pids");
        Path self = Files.writeString(tree.resolve("self"), "9:name=systemd:/\n8:pids:/\n4:memory:/runner/job-7\n0::/\n");
        assertEquals(new Cgroups.Hierarchies(memory, pids), Cgroups.probe(tree, self));
    }

    @Test
    void withoutAWritablePidsHierarchyThereAreNoLimits() throws IOException {
        group("memory");
        Path self = Files.writeString(tree.resolve("self"), "4:memory:/\n0::/\n");
        Cgroups.Hierarchies h = Cgroups.probe(tree, self);
        assertNull(h.memory(), "memory alone is not enough: a thread bomb would still be unbounded");
        assertNull(Cgroups.open(null, 1 << 26, 10), "no hierarchies, no group");
    }

    @Test
    void countersAreReadByKeyOrWhole() throws IOException {
        Path oom = Files.writeString(tree.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        Path failcnt = Files.writeString(tree.resolve("memory.failcnt"), "17\n");
        assertEquals(2, Cgroups.counter(oom, "oom_kill"));
        assertEquals(17, Cgroups.counter(failcnt, null));
        assertEquals(0, Cgroups.counter(tree.resolve("missing"), "max"));
    }

    // ---------------------------------------------------------------- on this machine's kernel

    private static Cgroups.Hierarchies here() {
        Cgroups.Hierarchies h = Cgroups.available();
        assumeTrue(h != null, "no cgroup the judge may write on this machine");
        return h;
    }

    private static String run(Cgroups.Group g, String script) throws Exception {
        List<String> command = new ArrayList<>(g.enter());
        command.addAll(List.of("/bin/sh", "-c", script));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ended");
        return new String(p.getInputStream().readAllBytes());
    }

    @Test
    void aCommandEnteringTheGroupIsInsideItAndTheGroupGoesAwayAfter() throws Exception {
        Cgroups.Group g = Cgroups.open(here(), 64L << 20, 32);
        assertNotNull(g);
        try {
            String seen = run(g, "cat /proc/self/cgroup");
            String name = g.memory().getFileName().toString();
            assertTrue(seen.lines().anyMatch(l -> l.contains(":memory:") && l.endsWith("/" + name)), seen);
            assertTrue(seen.lines().anyMatch(l -> l.contains(":pids:") && l.endsWith("/" + name)), seen);
            assertEquals(new Cgroups.Hits(false, false), g.hits(), "nothing stopped");
        } finally {
            g.close();
        }
        assertFalse(Files.exists(g.memory()), "its memory group is removed");
        assertFalse(Files.exists(g.pids()), "its pids group is removed");
    }

    @Test
    void aTaskPastTheLimitIsRefusedAndSeenAsTheTasksLimit() throws Exception {
        try (Cgroups.Group g = Cgroups.open(here(), 64L << 20, 8)) {
            String said = run(g, "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do sleep 3 & done; wait; echo done");
            assertEquals(new Cgroups.Hits(false, true), g.hits(), said);
        }
    }

    @Test
    void memoryPastTheLimitIsKilledAndSeenAsTheMemoryLimit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (Cgroups.Group g = Cgroups.open(here(), 96L << 20, 64)) {
            // A heap touched page by page at start: 256 MB of it, in a group of 96 MB.
            String said = run(g, java + " -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:+UseSerialGC -version; echo rc=$?");
            assertTrue(said.contains("rc=137"), "killed by the kernel (SIGKILL): " + said);
            assertEquals(new Cgroups.Hits(true, false), g.hits(), said);
        }
    }
}
