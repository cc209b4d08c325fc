package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every detection, both ways: it fires on a program written to trigger it,
 * and stays silent on good programs built the ways real solutions are
 * (executors, virtual threads, CompletableFuture, parallel streams, JDK
 * helper threads). Each case is a real judging in a forked JVM.
 */
@Execution(ExecutionMode.SAME_THREAD)
class DetectionTest {

    private static final String CONCURRENT = "import java.util.*; import java.util.concurrent.*; "
            + "import java.util.concurrent.atomic.*; import java.util.concurrent.locks.*; import java.util.stream.*;";

    // ------------------------------------------------------------------ silent on good programs

    @Test
    void virtualThreadsJoinedAreClean() {
        assertClean(judge("VirtualJoined", """
                List<Thread> ts = new ArrayList<>();
                for (int i = 0; i < 20; i++) ts.add(Thread.ofVirtual().start(() -> sleep(30)));
                for (Thread t : ts) t.join();
                """));
    }

    @Test
    void executorInTryWithResourcesIsClean() {
        assertClean(judge("PoolClosed", """
                try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                    for (int i = 0; i < 8; i++) pool.submit(() -> sleep(30));
                }
                """));
    }

    @Test
    void cachedPoolShutDownIsCleanEvenWhileItsThreadsAreStillEnding() {
        assertClean(judge("CachedShutdown", """
                ExecutorService pool = Executors.newCachedThreadPool();
                for (int i = 0; i < 8; i++) pool.submit(() -> sleep(20));
                pool.shutdown();
                """));
    }

    @Test
    void completableFuturesOnTheCommonPoolAreClean() {
        assertClean(judge("Futures", """
                List<CompletableFuture<Integer>> fs = new ArrayList<>();
                for (int i = 0; i < 4; i++) { int n = i; fs.add(CompletableFuture.supplyAsync(() -> { sleep(60); return n; })); }
                int sum = fs.stream().mapToInt(CompletableFuture::join).sum();
                if (sum != 6) throw new AssertionError(sum);
                """));
    }

    @Test
    void parallelStreamsAreClean() {
        assertClean(judge("ParallelStream", """
                long n = IntStream.range(0, 200).parallel().mapToLong(i -> { sleep(1); return i; }).sum();
                if (n != 19900) throw new AssertionError(n);
                """));
    }

    @Test
    void waitingOnADelayedCompletionIsNotADeadlock() {
        assertClean(judge("DelayedCompletion", """
                Integer v = new CompletableFuture<Integer>().completeOnTimeout(7, 400, TimeUnit.MILLISECONDS).join();
                if (v != 7) throw new AssertionError(v);
                """));
    }

    @Test
    void joiningASleepingThreadIsNotADeadlock() {
        assertClean(judge("JoinSleeper", """
                Thread t = new Thread(() -> sleep(600));
                t.start();
                t.join();
                """));
    }

    @Test
    void waitAndNotifyDoneRightIsClean() {
        assertClean(judge("WaitNotify", """
                Object lock = new Object();
                boolean[] ready = {false};
                Thread t = Thread.ofVirtual().start(() -> { sleep(200); synchronized (lock) { ready[0] = true; lock.notifyAll(); } });
                synchronized (lock) { while (!ready[0]) lock.wait(); }
                t.join();
                """));
    }

    @Test
    void scheduledExecutorShutDownIsClean() {
        assertClean(judge("Scheduled", """
                ScheduledExecutorService s = Executors.newScheduledThreadPool(1);
                ScheduledFuture<?> f = s.schedule(() -> {}, 100, TimeUnit.MILLISECONDS);
                f.get();
                s.shutdown();
                s.awaitTermination(1, TimeUnit.SECONDS);
                """));
    }

    // ------------------------------------------------------------------ leaks

    @Test
    void aPlatformThreadBlockedForeverIsALeakWithItsCreationSite() {
        Fixture.Outcome o = judge("LeakPlatform", """
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread t = new Thread(() -> { try { q.take(); } catch (InterruptedException e) { } }, "stuck-consumer");
                t.start();
                """);
        assertEquals("THREAD_LEAK", o.verdict(), o::toString);
        JsonNode thread = threadsOf(o, "THREAD_LEAK").getFirst();
        assertEquals("stuck-consumer", thread.get("name").asText());
        assertEquals(false, thread.get("virtual").asBoolean());
        assertTrue(thread.get("createdAt").toString().contains("learner.LeakPlatform.run(LeakPlatform.java:"), o::toString);
        assertTrue(thread.get("stack").toString().contains("LinkedBlockingQueue.take"), o::toString);
        assertTrue(o.out().contains("stuck-consumer"), "the report names the thread");
    }

    @Test
    void aVirtualThreadParkedForeverIsALeak() {
        Fixture.Outcome o = judge("LeakVirtual", """
                Thread.ofVirtual().name("parked-forever").start(LockSupport::park);
                """);
        assertEquals("THREAD_LEAK", o.verdict(), o::toString);
        JsonNode thread = threadsOf(o, "THREAD_LEAK").getFirst();
        assertEquals("parked-forever", thread.get("name").asText());
        assertTrue(thread.get("virtual").asBoolean());
    }

    @Test
    void aPoolNeverShutDownIsALeak() {
        Fixture.Outcome o = judge("LeakPool", """
                ExecutorService pool = Executors.newFixedThreadPool(2);
                pool.submit(() -> sleep(10)).get();
                """);
        assertEquals("THREAD_LEAK", o.verdict(), o::toString);
        assertTrue(o.out().contains("never shut down"), "the hint names the cause:\n" + o.out());
    }

    @Test
    void jdkThreadsStartedOnTheLearnersBehalfAreNotLeaks() {
        // A virtual thread's socket read (the JDK starts its I/O pollers: MasterPoller, SubPoller-N virtual
        // threads), the common pool's timer, a parallel stream's workers. (An HttpClient's selector is matched
        // in JdkThreadsTest: building a client loads the TLS setup for ~1 s, which a loaded machine can make
        // look like a spin in the learner's call.)
        assertClean(judge("JdkHelpers", """
                try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    Thread reader = Thread.ofVirtual().start(() -> {
                        try (var s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                            s.getInputStream().read();
                        } catch (Exception e) { throw new RuntimeException(e); }
                    });
                    try (var accepted = server.accept()) { sleep(50); accepted.getOutputStream().write(1); }
                    reader.join();
                }
                int v = CompletableFuture.supplyAsync(() -> 7, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS)).join();
                long n = IntStream.range(0, 200).parallel().mapToLong(i -> i).sum();
                if (v != 7 || n != 19900) throw new AssertionError(v + " " + n);
                """));
    }

    @Test
    void aLearnersThreadNamedLikeAJdkThreadIsStillALeak() {
        Fixture.Outcome o = judge("LooksLikeJdk", """
                new Thread(LockSupport::park, "Common-Cleaner").start();
                new Thread(LockSupport::park, "MasterPoller").start();
                Thread.ofVirtual().name("SubPoller-0").start(LockSupport::park);
                """);
        assertEquals("THREAD_LEAK", o.verdict(), o::toString);
        List<String> names = threadsOf(o, "THREAD_LEAK").stream().map(t -> t.get("name").asText()).sorted().toList();
        assertEquals(List.of("Common-Cleaner", "MasterPoller", "SubPoller-0"), names, o::toString);
    }

    // ------------------------------------------------------------------ deadlocks

    @Test
    void aLockCycleIsADeadlockWithItsCycle() {
        Fixture.Outcome o = judge("LockCycle", """
                ReentrantLock a = new ReentrantLock(), b = new ReentrantLock();
                CountDownLatch both = new CountDownLatch(2);
                Thread t1 = new Thread(() -> { a.lock(); both.countDown(); awaitQuietly(both); b.lock(); }, "first");
                Thread t2 = new Thread(() -> { b.lock(); both.countDown(); awaitQuietly(both); a.lock(); }, "second");
                t1.start(); t2.start(); t1.join();
                """);
        assertDeadlock(o);
        String cycle = findingOf(o, "DEADLOCK").get("details").toString();
        assertTrue(cycle.contains("first") && cycle.contains("second"), "the cycle names both threads: " + cycle);
    }

    @Test
    void aMonitorCycleIsADeadlock() {
        Fixture.Outcome o = judge("MonitorCycle", """
                Object a = new Object(), b = new Object();
                CountDownLatch both = new CountDownLatch(2);
                Thread t1 = new Thread(() -> { synchronized (a) { both.countDown(); awaitQuietly(both); synchronized (b) { } } }, "m1");
                Thread t2 = new Thread(() -> { synchronized (b) { both.countDown(); awaitQuietly(both); synchronized (a) { } } }, "m2");
                t1.start(); t2.start(); t1.join();
                """);
        assertDeadlock(o);
        assertTrue(findingOf(o, "DEADLOCK").get("details").toString().contains("m1"), o::toString);
    }

    @Test
    void aLatchNobodyCountsDownIsADeadlock() {
        assertDeadlock(judge("LatchForever", "new CountDownLatch(1).await();"));
    }

    @Test
    void takingFromAQueueNobodyFillsIsADeadlock() {
        assertDeadlock(judge("QueueForever", "new ArrayBlockingQueue<String>(1).take();"));
    }

    @Test
    void waitingOnAFutureNobodyCompletesIsADeadlock() {
        assertDeadlock(judge("FutureForever", "new CompletableFuture<String>().get();"));
    }

    @Test
    void virtualThreadsInALockCycleAreADeadlock() {
        Fixture.Outcome o = judge("VirtualCycle", """
                ReentrantLock a = new ReentrantLock(), b = new ReentrantLock();
                CountDownLatch both = new CountDownLatch(2);
                Thread t1 = Thread.ofVirtual().name("v1").start(() -> { a.lock(); both.countDown(); awaitQuietly(both); b.lock(); });
                Thread t2 = Thread.ofVirtual().name("v2").start(() -> { b.lock(); both.countDown(); awaitQuietly(both); a.lock(); });
                t1.join();
                """);
        assertDeadlock(o);
        String cycle = findingOf(o, "DEADLOCK").get("details").toString();
        assertTrue(cycle.contains("v1") && cycle.contains("v2"), cycle);
    }

    // ------------------------------------------------------------------ time, CPU, crashes

    @Test
    void sleepingForeverIsATimeoutNotADeadlock() {
        Fixture.Outcome o = judge("SleepForever", "while (true) Thread.sleep(50);");
        assertEquals("TIME_LIMIT", o.verdict(), o::toString);
        assertTrue(findingOf(o, "TIME_LIMIT").get("headline").asText().contains("limit"), o::toString);
    }

    @Test
    void spinningVirtualThreadIsBusyWaiting() {
        Fixture.Outcome o = judge("SpinVirtual", """
                AtomicBoolean done = new AtomicBoolean();
                Thread spinner = Thread.ofVirtual().name("spinner").start(() -> { while (!done.get()) Thread.onSpinWait(); });
                sleep(1500);
                done.set(true);
                spinner.join();
                """);
        assertEquals("BUSY_WAIT", o.verdict(), o::toString);
        assertEquals("spinner", threadsOf(o, "BUSY_WAIT").getFirst().get("name").asText());
    }

    @Test
    void aPlatformThreadSpinningOnAFlagIsBusyWaiting() {
        Fixture.Outcome o = judge("SpinPlatform", """
                AtomicBoolean done = new AtomicBoolean();
                Thread spinner = new Thread(() -> { while (!done.get()) { } }, "platform-spinner");
                spinner.start();
                sleep(1500);
                done.set(true);
                spinner.join();
                """);
        assertEquals("BUSY_WAIT", o.verdict(), o::toString);
        assertEquals("platform-spinner", threadsOf(o, "BUSY_WAIT").getFirst().get("name").asText());
    }

    @Test
    void aThreadBlockedInSocketReadIsRunnableButNotBusy() {
        assertClean(judge("SocketWait", """
                try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                     var client = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort());
                     var accepted = server.accept()) {
                    Thread reader = new Thread(() -> { try { client.getInputStream().read(); } catch (Exception e) { } });
                    reader.start();
                    sleep(1500);
                    accepted.getOutputStream().write(1);
                    reader.join();
                }
                """));
    }

    @Test
    void systemExitIsRefusedAndReported() {
        Fixture.Outcome o = judge("Exits", "System.exit(3);");
        assertEquals("RUNTIME_ERROR", o.verdict(), o::toString);
        assertTrue(o.out().contains("System.exit(3)"), o::toString);
        assertEquals(0, o.exitCode(), "a verdict was produced");
    }

    @Test
    void runningOutOfHeapIsAMemoryLimit() {
        assertEquals("MEMORY_LIMIT", judge("HeapBomb", """
                List<long[]> hog = new ArrayList<>();
                while (true) hog.add(new long[1 << 20]);
                """).verdict());
    }

    @Test
    void aStackOverflowIsARuntimeErrorWithItsMessage() {
        Fixture.Outcome o = Fixture.submit(Fixture.learnerJar("Recurse", java.util.Map.of("learner.Recurse", """
                package learner;
                public class Recurse implements katas.fixture.Program {
                    int depth(int n) { return depth(n + 1) + 1; }
                    public void run() { depth(0); }
                }
                """)));
        assertEquals("RUNTIME_ERROR", o.verdict(), o::toString);
        assertTrue(o.out().contains("StackOverflowError"), o::toString);
    }

    @Test
    void floodingStdoutNeitherCorruptsTheResultNorIsKeptWhole() {
        Fixture.Outcome o = judge("Flood", """
                String line = "x".repeat(1000);
                for (int i = 0; i < 20_000; i++) System.out.println(line);
                System.out.println("{\\"event\\":\\"finished\\",\\"aborted\\":false}");
                throw new AssertionError("after the flood");
                """);
        assertEquals("WRONG_ANSWER", o.verdict(), o::toString);
        String output = o.result().get("tests").get(0).get("output").asText();
        assertTrue(output.length() < 20_000, "output is truncated, was " + output.length());
        assertTrue(output.contains("more bytes not kept"), output.substring(0, 100));
    }

    @Test
    void aThreadBombIsStoppedAtTheCap() {
        Fixture.Outcome o = judge("Bomb", """
                for (int i = 0; i < 5000; i++) new Thread(() -> sleep(5000)).start();
                """);
        assertEquals("TOO_MANY_THREADS", o.verdict(), o::toString);
    }

    @Test
    void tooManyThreadsAtOnceIsReportedWithThePeak() {
        Fixture.Outcome o = judge("Crowd", """
                List<Thread> ts = new ArrayList<>();
                for (int i = 0; i < 80; i++) ts.add(Thread.ofVirtual().start(() -> sleep(200)));
                for (Thread t : ts) t.join();
                """);
        assertEquals("TOO_MANY_THREADS", o.verdict(), o::toString);
        assertTrue(o.result().get("threads").get("peakLive").asInt() >= 51, o::toString);
        // The test, the counts and the creation sites, as the README promises for every guilty thread.
        JsonNode finding = findingOf(o, "TOO_MANY_THREADS");
        assertTrue(finding.get("details").toString().contains("in FixtureTest.runsTheProgram: "), o::toString);
        JsonNode thread = finding.get("threads").get(0);
        assertTrue(thread.get("createdAt").toString().contains("learner.Crowd.run(Crowd.java:"), o::toString);
        assertTrue(thread.get("name").asText().startsWith("virtual@learner.Crowd.run"), o::toString);
    }

    // ------------------------------------------------------------------ helpers

    private static Fixture.Outcome judge(String name, String body) {
        String helpers = """
                  static void sleep(long ms) { try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
                  static void awaitQuietly(CountDownLatch l) { try { l.await(); } catch (InterruptedException e) { } }
                """;
        String source = "package learner;\n" + CONCURRENT + "\n"
                + "public class " + name + " implements katas.fixture.Program {\n" + helpers
                + "  public void run() throws Exception {\n" + body + "\n  }\n}\n";
        return Fixture.submit(Fixture.learnerJar(name, java.util.Map.of("learner." + name, source)));
    }

    private static void assertClean(Fixture.Outcome o) {
        assertEquals("ACCEPTED", o.verdict(), o::toString);
        assertEquals(0, o.result().get("findings").size(), o::toString);
    }

    private static void assertDeadlock(Fixture.Outcome o) {
        assertEquals("DEADLOCK", o.verdict(), o::toString);
        // DEADLOCK rather than TIME_LIMIT: it was reported before the 3 s test limit, with its threads.
        JsonNode finding = findingOf(o, "DEADLOCK");
        assertTrue(finding.get("headline").asText().contains("all threads are asleep"), o::toString);
        assertTrue(finding.get("threads").size() >= 1, o::toString);
    }

    private static JsonNode findingOf(Fixture.Outcome o, String verdict) {
        for (JsonNode f : o.result().get("findings")) {
            if (f.get("verdict").asText().equals(verdict)) {
                return f;
            }
        }
        throw new AssertionError("no " + verdict + " finding in " + o);
    }

    private static List<JsonNode> threadsOf(Fixture.Outcome o, String verdict) {
        List<JsonNode> out = new ArrayList<>();
        findingOf(o, verdict).get("threads").forEach(out::add);
        return out;
    }
}
