package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's decision and its command line, without starting it. */
class SandboxTest {

    private static final Sandbox.Limits LIMITS = new Sandbox.Limits(300, 512, 1 << 30, 4096, 1 << 28);
    private static final List<String> JAVA = List.of("/jdk/bin/java", "-cp", "judge.jar", "Main");

    @Test
    void offLeavesTheCommandAlone() {
        Sandbox off = new Sandbox(false, "no sandbox: test");
        assertEquals(JAVA, off.wrap(JAVA, Path.of("/run/x"), Path.of("/run/x/work"), List.of(), LIMITS).command());
    }

    @Test
    void turningItOffIsHonouredAndSaidInTheDescription() {
        String old = System.getProperty("katas.sandbox");
        System.setProperty("katas.sandbox", "off");
        try {
            Sandbox s = Sandbox.decide();
            assertFalse(s.on());
            assertTrue(s.description().startsWith("no sandbox"), s.description());
        } finally {
            if (old == null) {
                System.clearProperty("katas.sandbox");
            } else {
                System.setProperty("katas.sandbox", old);
            }
        }
    }

    @Test
    void onWrapsJavaWithTheFenceAndTheKernelLimits(@TempDir Path runDir) throws Exception {
        Path output = Files.createFile(runDir.resolve("recording.jfr"));
        Path workDir = Files.createDirectory(runDir.resolve("work"));
        String dir = runDir.toString();
        String work = workDir.toString();
        Sandbox on = new Sandbox(true, "bubblewrap test");
        List<String> c = on.wrap(JAVA, runDir, workDir, List.of(output), LIMITS).command();
        assertEquals(JAVA, c.subList(c.size() - JAVA.size(), c.size()), "java comes last, unchanged");
        for (List<String> flag : List.of(List.of("--unshare-all"), List.of("--die-with-parent"), List.of("--new-session"),
                List.of("--ro-bind", "/", "/"), List.of("--tmpfs", "/proc"),
                List.of("--dev", "/dev", "--remount-ro", "/dev"), List.of("--remount-ro", "/proc"),
                List.of("--symlink", "/jdk/bin/java", "/proc/self/exe"), List.of("--cap-drop", "ALL"),
                List.of("--ro-bind", dir, dir), List.of("--bind", output.toString(), output.toString()),
                List.of("--chdir", work))) {
            assertTrue(Collections.indexOfSubList(c, flag) >= 0, "missing " + flag + " in " + c);
        }
        // The work folder is a bounded scratch in memory where bubblewrap can size one, else the folder on disk.
        assertTrue(Collections.indexOfSubList(c, Sandbox.probe().boundedScratch()
                ? List.of("--size", Long.toString(1 << 28), "--tmpfs", work) : List.of("--bind", work, work)) >= 0,
                c::toString);
        assertFalse(c.contains("--proc"), "no /proc mount: no /proc/self/mem");
        assertFalse(c.contains("--share-net"), "loopback only");
        if (c.getFirst().endsWith("prlimit")) {
            assertTrue(c.containsAll(List.of("--cpu=300", "--nproc=512", "--core=0")), c::toString);
        }
    }

    /**
     * The fence itself, from a process that is no JVM (as native code would be): it reads the judge's files
     * and writes back only the recording; everything else it writes is scratch, bounded, and gone with it;
     * /dev, /dev/shm and /proc (memory-backed) and the rest of the machine are read-only.
     */
    @Test
    void theFenceLetsTheChildWriteOnlyABoundedScratchAndItsRecording(@TempDir Path runDir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sandbox.probe().available(), "no bubblewrap here");
        Path input = Files.writeString(runDir.resolve("child.json"), "the judge's\n");
        Path output = Files.createFile(runDir.resolve("recording.jfr"));
        Path work = Files.createDirectory(runDir.resolve("work"));
        String script = """
                cat ../child.json > ../recording.jfr
                echo changed > ../child.json 2>/dev/null && echo "input written"
                for place in .. /dev/shm /dev /proc /tmp "$HOME" /; do
                  echo x > "$place/katas-fence-probe" 2>/dev/null && echo "wrote in $place"
                done
                head -c 40000000 /dev/zero > fill 2>/dev/null
                echo "scratch kept $(wc -c < fill) bytes"
                """;
        Sandbox on = new Sandbox(true, "bubblewrap test");
        Sandbox.Limits limits = new Sandbox.Limits(60, 512, 1 << 30, 256, 16 << 20);
        List<String> c = on.wrap(List.of("/bin/sh", "-c", script), runDir, work, List.of(output), limits).command();
        Process p = new ProcessBuilder(c).directory(work.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), said);
        assertEquals("the judge's\n", Files.readString(output), "the recording is written back");
        assertEquals("the judge's\n", Files.readString(input), said);
        assertFalse(said.contains("input written") || said.contains("wrote in"), said);
        if (Sandbox.probe().boundedScratch()) {
            long kept = Long.parseLong(said.replaceAll("(?s).*scratch kept (\\d+) bytes.*", "$1"));
            assertTrue(kept > 0 && kept <= 16 << 20, "the scratch holds at most its size: " + said);
            try (var left = Files.list(work)) {
                assertEquals(List.of(), left.toList(), "the scratch is gone with the sandbox");
            }
        }
    }

    @Test
    void theReportsSandboxLineSaysWhetherTheKernelLimitsMemoryAndTasks() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sandbox.probe().available(), "no bubblewrap here");
        String said = Sandbox.decide().description();
        assertTrue(Cgroups.available() != null
                ? said.contains("memory (heap and native) and tasks limited by the kernel")
                : said.contains("no kernel limit on memory and tasks"), said);
    }

    @Test
    void theProbeSaysWhyWhenItIsMissing() {
        Sandbox.Probe p = Sandbox.probe();
        assertTrue(p.available() || !p.detail().isBlank(), "a reason when unavailable");
        assertEquals(p, Sandbox.probe(), "asked once, remembered");
    }
}
