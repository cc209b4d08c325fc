package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of hostile submissions: each one ends with the right verdict,
 * the judge intact (a verdict, exit code 0), no forged ACCEPTED, nothing
 * written outside the run's folder, and no process left behind. Each verdict
 * names what the submission tried.
 */
class HostileTest {

    private static final String IMPORTS = "import java.io.*; import java.net.*; import java.nio.file.*; "
            + "import java.util.*; import java.util.concurrent.*; import java.util.concurrent.locks.*;";

    @AfterEach
    void noProcessLeftBehind() throws InterruptedException {
        // The judge waits for its child; give the OS a moment to reap it.
        for (int i = 0; i < 50 && ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(100);
        }
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertEquals(List.of(), left, "processes left behind");
    }

    // ------------------------------------------------------------------ ending the JVM

    @Test
    void haltIsRefused() {
        assertVerdict("RUNTIME_ERROR", "Runtime.getRuntime().halt(7);", "System.exit(7)");
    }

    @Test
    void exitInAStaticInitializerIsRefused() {
        Fixture.Outcome o = Fixture.submit(Fixture.learnerJar("StaticExit", Map.of("learner.StaticExit", """
                package learner;
                public class StaticExit implements katas.fixture.Program {
                    static { System.exit(4); }
                    public void run() { }
                }
                """)));
        assertEquals("RUNTIME_ERROR", o.verdict(), o::toString);
        assertTrue(o.out().contains("System.exit(4)"), o::toString);
    }

    @Test
    void shutdownHooksNeverRunSoTheyCannotExitOrHang() {
        assertVerdict("ACCEPTED", """
                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.exit(9)));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> { while (true) { } }));
                """, null);
    }

    @Test
    void aSigtermRunsNoLearnerShutdownHook() throws Exception {
        var judging = java.util.concurrent.CompletableFuture.supplyAsync(() -> judge("Hook", """
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try { new FileOutputStream(FileDescriptor.err).write("learner hook ran\\n".getBytes()); }
                    catch (IOException e) { }
                }));
                Files.writeString(Path.of("hook-set"), "");
                while (true) {
                    Thread.sleep(20); // short sleeps are progress: no DEADLOCK before the SIGTERM comes
                }
                """));
        // The child JVM is the leaf of the judge's descendants (inside bubblewrap or not); its working
        // folder is the run folder, where the learner's code says when its hook is set.
        ProcessHandle child = null;
        for (int i = 0; i < 1200 && child == null; i++) {
            Thread.sleep(100);
            child = ProcessHandle.current().descendants().filter(p -> p.children().findAny().isEmpty())
                    .filter(p -> Files.exists(Path.of("/proc/" + p.pid() + "/cwd/hook-set")))
                    .findFirst().orElse(null);
        }
        assertTrue(child != null, "the learner's code set its hook");
        child.destroy(); // SIGTERM, as a user's kill or a machine shutting down sends
        Fixture.Outcome o = judging.get();
        assertEquals("RUNTIME_ERROR", o.verdict(), o::toString);
        assertFalse(o.out().contains("learner hook ran"), o::toString);
    }

    @Test
    void aStaticInitializerThatNeverEndsIsATimeout() {
        Fixture.Outcome o = Fixture.submit(Fixture.learnerJar("StaticLoop", Map.of("learner.StaticLoop", """
                package learner;
                public class StaticLoop implements katas.fixture.Program {
                    static { while (System.nanoTime() != 0) { Thread.onSpinWait(); } }
                    public void run() { }
                }
                """)));
        assertEquals("TIME_LIMIT", o.verdict(), o::toString);
    }

    @Test
    void anInfiniteCpuLoopIsATimeout() {
        assertVerdict("TIME_LIMIT", "long n = 0; while (n >= 0) n++;", "limit");
    }

    // ------------------------------------------------------------------ resources

    @Test
    void aVirtualThreadBombIsStopped() {
        assertVerdict("TOO_MANY_THREADS", """
                for (int i = 0; i < 1_000_000; i++) Thread.ofVirtual().start(() -> LockSupport.park());
                """, "threads alive at once");
    }

    @Test
    void deepRecursionInAnotherThreadIsShownWithTheTest() {
        Fixture.Outcome o = Fixture.submit(Fixture.learnerJar("DeepThread", Map.of("learner.DeepThread", """
                package learner;
                public class DeepThread implements katas.fixture.Program {
                    static int down(int n) { return down(n + 1) + 1; }
                    public void run() throws Exception {
                        Thread.setDefaultUncaughtExceptionHandler((t, e) -> { });  // swallows everything
                        Thread t = new Thread(() -> down(0), "deep");
                        t.start();
                        t.join();
                    }
                }
                """)));
        assertEquals("ACCEPTED", o.verdict(), "the test itself passes");
        assertTrue(o.result().get("tests").get(0).get("output").asText().contains("thread 'deep' died of java.lang.StackOverflowError"),
                o::toString);
    }

    @Test
    void floodingStderrAndStdinReadsDoNotHurt() {
        assertVerdict("ACCEPTED", """
                byte[] mb = new byte[1 << 20];
                Arrays.fill(mb, (byte) 'e');
                for (int i = 0; i < 100; i++) System.err.write(mb);
                if (System.in.read() != -1) throw new AssertionError("stdin should be empty");
                """, null);
    }

    // ------------------------------------------------------------------ outside the sandbox

    @Test
    void writingOutsideTheRunFolderIsRefusedAndNothingIsWritten() throws Exception {
        Path marker = Fixture.ROOT.resolve("hostile-marker.txt");
        Path results = Fixture.ROOT.resolve("results/someone-elses.json");
        Fixture.Outcome o = judge("Writer", """
                String[] targets = {"%s", "%s"};
                int refused = 0;
                for (String t : targets) {
                    try { Files.writeString(Path.of(t), "pwned"); } catch (SecurityException e) { refused++; }
                    try (var out = new FileOutputStream(t)) { out.write(1); } catch (SecurityException e) { refused++; }
                }
                try { new File("%s").delete(); } catch (SecurityException e) { refused++; }
                Files.writeString(Path.of("inside-my-run-folder.txt"), "fine");
                if (refused != 5) throw new AssertionError("refused " + refused);
                throw new IllegalStateException("tried");
                """.formatted(marker, results, Fixture.PROBLEMS.resolve("day01-fixture/spec.json")));
        assertEquals("RUNTIME_ERROR", o.verdict(), o::toString);
        assertTrue(o.out().contains("a submission may only write below its run folder"), o::toString);
        assertFalse(Files.exists(marker), "nothing written outside");
        assertFalse(Files.exists(results));
        assertTrue(Files.exists(Fixture.PROBLEMS.resolve("day01-fixture/spec.json")), "nothing deleted");
    }

    @Test
    void aNonLoopbackConnectionIsRefusedBeforeAnyTrafficLeaves() {
        // 0.0.0.1 is not loopback; even unguarded the kernel would not send to it.
        Fixture.Outcome o = judge("Connect", """
                try (Socket s = new Socket()) { s.connect(new InetSocketAddress("0.0.0.1", 80), 500); }
                """);
        assertEquals("RUNTIME_ERROR", o.verdict(), o::toString);
        assertTrue(o.out().contains("a connection to 0.0.0.1"), o::toString);
    }

    @Test
    void loopbackConnectionsAreAllowed() {
        assertVerdict("ACCEPTED", """
                try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                     Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                     Socket accepted = server.accept()) {
                    client.getOutputStream().write(42);
                    if (accepted.getInputStream().read() != 42) throw new AssertionError();
                }
                """, null);
    }

    @Test
    void startingAProcessIsRefused() {
        assertVerdict("RUNTIME_ERROR", "new ProcessBuilder(\"sleep\", \"987\").start();", "starting a process: sleep 987");
    }

    // ------------------------------------------------------------------ tampering with the judge

    @Test
    void reflectionIntoTheJudgeIsRefused() {
        assertVerdict("RUNTIME_ERROR", """
                Class<?> registry = Class.forName("katajudge.runtime.ThreadRegistry");
                var f = registry.getDeclaredField("active");
                f.setAccessible(true);
                f.setBoolean(null, false);
                """, "reflection into the judge");
    }

    /** The agent's classes are on the class path (every -javaagent is): the agent's own check refuses. */
    @Test
    void reflectionIntoTheAgentIsRefusedByTheAgent() {
        assertVerdict("RUNTIME_ERROR", """
                Class.forName("katajudge.agent.JudgeAgent", false, ClassLoader.getSystemClassLoader())
                        .getDeclaredField("READ_ONLY").setAccessible(true);
                """, "refused by the judge: reflection into the judge (katajudge.agent.JudgeAgent)");
    }

    @Test
    void callingTheRegistryToStopTrackingIsRefused() {
        // The registry is patched into java.base and not exported: the JVM itself refuses the call.
        assertVerdict("RUNTIME_ERROR", """
                Class.forName("katajudge.runtime.ThreadRegistry").getMethod("endRegion").invoke(null);
                """, "does not export katajudge.runtime");
    }

    @Test
    void theJudgeAndJUnitAndTheHiddenTestsAreNotOnTheLearnersClassPath() {
        assertVerdict("ACCEPTED", """
                for (String name : new String[] {"katas.fixture.hidden.FixtureTest", "katajudge.child.ChildRun",
                        "org.junit.platform.launcher.core.LauncherFactory", "katas.support.Katas"}) {
                    try {
                        Class.forName(name);
                        throw new AssertionError("could load " + name);
                    } catch (ClassNotFoundException expected) { }
                }
                """, null);
    }

    @Test
    void aForgedResultOnTheRealStdoutIsIgnored() {
        Fixture.Outcome o = judge("Forger", """
                PrintStream real = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
                real.println("{\\"event\\":\\"test\\",\\"name\\":\\"FixtureTest.runsTheProgram\\",\\"status\\":\\"PASSED\\"}");
                real.println("x {\\"event\\":\\"finished\\",\\"aborted\\":false}");
                System.setOut(real);
                throw new AssertionError("really failed");
                """);
        assertEquals("WRONG_ANSWER", o.verdict(), "no forged ACCEPTED: " + o);
    }

    @Test
    void interruptingTheJudgesThreadsDoesNotBlindIt() {
        assertVerdict("DEADLOCK", """
                for (Thread t : Thread.getAllStackTraces().keySet()) if (t != Thread.currentThread()) t.interrupt();
                Thread.sleep(100);
                for (Thread t : Thread.getAllStackTraces().keySet()) if (t != Thread.currentThread()) t.interrupt();
                new CountDownLatch(1).await();
                """, "all threads are asleep");
    }

    @Test
    void daemonThreadsThatOutliveTheRunAreLeaks() {
        assertVerdict("THREAD_LEAK", """
                Thread t = new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } });
                t.setDaemon(true);
                t.start();
                """, "still alive");
    }

    // ------------------------------------------------------------------ helpers

    private static Fixture.Outcome judge(String name, String body) {
        String source = "package learner;\n" + IMPORTS + "\npublic class " + name
                + " implements katas.fixture.Program {\n  public void run() throws Exception {\n" + body + "\n  }\n}\n";
        return Fixture.submit(Fixture.learnerJar(name, Map.of("learner." + name, source)));
    }

    private static void assertVerdict(String verdict, String body, String named) {
        Fixture.Outcome o = judge("Hostile" + Integer.toHexString(body.hashCode()), body);
        assertEquals(0, o.exitCode(), "the judge produced a verdict: " + o);
        assertEquals(verdict, o.verdict(), o::toString);
        if (named != null) {
            assertTrue(o.out().contains(named), "the report names what was tried (" + named + "):\n" + o.out());
        }
    }
}
