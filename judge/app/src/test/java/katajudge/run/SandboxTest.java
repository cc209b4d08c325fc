package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's decision and its command line, without starting it. */
class SandboxTest {

    private static final Sandbox.Limits LIMITS = new Sandbox.Limits(300, 512, 1 << 30, 4096);
    private static final List<String> JAVA = List.of("/jdk/bin/java", "-cp", "judge.jar", "Main");

    @Test
    void offLeavesTheCommandAlone() {
        Sandbox off = new Sandbox(false, "no sandbox: test");
        assertEquals(JAVA, off.wrap(JAVA, Path.of("/run/x"), LIMITS).command());
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
    void onWrapsJavaWithTheFenceAndTheKernelLimits() {
        Sandbox on = new Sandbox(true, "bubblewrap test");
        List<String> c = on.wrap(JAVA, Path.of("/run/x"), LIMITS).command();
        assertEquals(JAVA, c.subList(c.size() - JAVA.size(), c.size()), "java comes last, unchanged");
        for (List<String> flag : List.of(List.of("--unshare-all"), List.of("--die-with-parent"), List.of("--new-session"),
                List.of("--ro-bind", "/", "/"), List.of("--bind", "/run/x", "/run/x"), List.of("--tmpfs", "/proc"),
                List.of("--symlink", "/jdk/bin/java", "/proc/self/exe"), List.of("--cap-drop", "ALL"))) {
            assertTrue(Collections.indexOfSubList(c, flag) >= 0, "missing " + flag + " in " + c);
        }
        assertFalse(c.contains("--proc"), "no /proc mount: no /proc/self/mem");
        assertFalse(c.contains("--share-net"), "loopback only");
        if (c.getFirst().endsWith("prlimit")) {
            assertTrue(c.containsAll(List.of("--cpu=300", "--nproc=512", "--core=0")), c::toString);
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
