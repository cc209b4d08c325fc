package katajudge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import katajudge.runtime.JdkThreads.Facts;
import katajudge.runtime.JdkThreads.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The list of JDK threads that are never the learner's, both ways: the
 * JDK's own are matched (each by the rule that says why), and a learner's
 * thread named or made to look like one is not.
 */
class JdkThreadsTest {

    private static final String PLAIN = "java.lang.Thread";
    private static final List<String> BY_LEARNER = List.of("java.lang.Thread", "learner.Day09", "katas.day09.Hidden");

    /** @param startedBy the classes that started it, innermost first; null when unknown */
    record Row(String name, Facts thread, List<String> startedBy, Rule expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // ---- the JDK's
                new Row("Common-Cleaner", new Facts("Common-Cleaner", "jdk.internal.misc.InnocuousThread", false, false),
                        null, Rule.INNOCUOUS),
                new Row("a carrier of virtual threads", new Facts("ForkJoinPool-1-worker-1",
                        "jdk.internal.misc.CarrierThread", false, false), null, Rule.CARRIER),
                new Row("a common-pool worker, idle", new Facts("ForkJoinPool.commonPool-worker-1",
                        "java.util.concurrent.ForkJoinWorkerThread", false, true), null, Rule.COMMON_POOL_WORKER),
                new Row("the common pool's timer", new Facts("ForkJoinPool.commonPool-delayScheduler",
                        "java.util.concurrent.DelayScheduler", false, false), null, Rule.COMMON_DELAY_SCHEDULER),
                new Row("an I/O sub-poller started by the JDK's poller", new Facts("SubPoller-0", "java.lang.VirtualThread",
                        true, false), List.of("java.lang.ThreadBuilders$VirtualThreadBuilder",
                        "java.util.concurrent.ThreadPerTaskExecutor", "sun.nio.ch.Poller$Pollers", "learner.Day09"),
                        Rule.IO_SUB_POLLER),
                new Row("an HttpClient's selector", new Facts("HttpClient-1-SelectorManager",
                        "jdk.internal.net.http.HttpClientImpl$SelectorManager", false, false), BY_LEARNER,
                        Rule.HTTP_CLIENT_SELECTOR),
                new Row("JFR Periodic Tasks", new Facts("JFR Periodic Tasks", PLAIN, false, false),
                        List.of("jdk.jfr.internal.PlatformRecorder", "jdk.jfr.internal.PlatformRecorder"),
                        Rule.FLIGHT_RECORDER),
                new Row("JFR Recorder Thread, started by the JVM", new Facts("JFR Recorder Thread", PLAIN, false, false),
                        List.of(), Rule.FLIGHT_RECORDER),
                new Row("JFR's shutdown hook", new Facts("JFR Shutdown Hook", "jdk.jfr.internal.ShutdownHook", false,
                        false), List.of("java.lang.ApplicationShutdownHooks"), Rule.FLIGHT_RECORDER_HOOK),
                new Row("Attach Listener, made by the JVM", new Facts("Attach Listener", PLAIN, false, false), List.of(),
                        Rule.VM_THREAD),
                // ---- the learner's, whatever they are called
                new Row("a learner's thread named Common-Cleaner", new Facts("Common-Cleaner", PLAIN, false, false),
                        BY_LEARNER, null),
                new Row("a learner's virtual thread named SubPoller-0", new Facts("SubPoller-0", "java.lang.VirtualThread",
                        true, false), BY_LEARNER, null),
                new Row("a learner's SubPoller-0 started through an executor", new Facts("SubPoller-0",
                        "java.lang.VirtualThread", true, false), List.of("java.lang.ThreadBuilders$VirtualThreadBuilder",
                        "java.util.concurrent.ThreadPerTaskExecutor", "learner.Day09"), null),
                new Row("a SubPoller-0 whose start was not seen", new Facts("SubPoller-0", "java.lang.VirtualThread",
                        true, false), null, null),
                new Row("a learner's thread named JFR Periodic Tasks", new Facts("JFR Periodic Tasks", PLAIN, false,
                        false), BY_LEARNER, null),
                new Row("a learner's thread named Attach Listener", new Facts("Attach Listener", PLAIN, false, false),
                        BY_LEARNER, null),
                new Row("a learner's pool worker named like the common pool's", new Facts(
                        "ForkJoinPool.commonPool-worker-1", "java.util.concurrent.ForkJoinWorkerThread", false, false),
                        BY_LEARNER, null),
                new Row("a learner's own pool's timer", new Facts("ForkJoinPool-3-delayScheduler",
                        "java.util.concurrent.DelayScheduler", false, false), BY_LEARNER, null),
                new Row("a learner's thread named like the common pool's timer", new Facts(
                        "ForkJoinPool.commonPool-delayScheduler", PLAIN, false, false), BY_LEARNER, null),
                new Row("a learner's plain worker", new Facts("worker-1", PLAIN, false, false), BY_LEARNER, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachJdkThreadByItsRuleAndNoLearnerThread(Row row) {
        assertEquals(row.expected(), JdkThreads.match(row.thread(), row::startedBy));
    }

    @Test
    void everyRuleSaysWhy() {
        for (Rule r : Rule.values()) {
            assertTrue(r.why.length() > 40, r + " needs its reason");
        }
    }

    // ---- real threads of this JVM

    private static Thread named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + prefix));
    }

    @Test
    void theRealCommonCleanerIsTheJdks() {
        CompletableFuture.runAsync(() -> { }).join(); // nothing needed: Common-Cleaner starts with the JVM
        assertEquals(Rule.INNOCUOUS, JdkThreads.match(named("Common-Cleaner"), null));
    }

    @Test
    void aRealIdleCommonPoolWorkerIsTheJdks() {
        IntStream.range(0, 1_000).parallel().map(i -> i * 2).sum();
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool())
                .findFirst().orElseThrow();
        assertEquals(Rule.COMMON_POOL_WORKER, JdkThreads.match(worker, null));
    }

    @Test
    void theRealCommonPoolTimerIsTheJdks() {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS)).join();
        Thread timer = named("ForkJoinPool.commonPool-delayScheduler");
        assertTrue(JdkThreads.isCommonDelayScheduler(timer));
        assertEquals(Rule.COMMON_DELAY_SCHEDULER, JdkThreads.match(timer, null));
    }

    @Test
    void aRealHttpClientSelectorIsTheJdks() {
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertEquals(Rule.HTTP_CLIENT_SELECTOR, JdkThreads.match(named("HttpClient-"), null));
        }
    }

    @Test
    void threadsStartedHereUnderJdkNamesAreNotTheJdks() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        for (String name : List.of("Common-Cleaner", "MasterPoller", "JFR Periodic Tasks", "Attach Listener",
                "ForkJoinPool.commonPool-delayScheduler")) {
            Thread t = new Thread(() -> { }, name);
            assertFalse(JdkThreads.isStartingJdks(t), name + " started by the test's code");
        }
        Thread v = Thread.ofVirtual().name("SubPoller-0").unstarted(done::countDown);
        assertFalse(JdkThreads.isStartingJdks(v), "a virtual SubPoller-0 started by the test's code");
    }

    @Test
    void onlyThreadsStartedOnePerCallCountTowardsABombsCap() {
        // A machine with many cores has as many carriers, common-pool workers and pollers: a good program's,
        // never a bomb. An HttpClient's selector and a Cleaner's thread come one per call.
        assertEquals(List.of(Rule.INNOCUOUS, Rule.HTTP_CLIENT_SELECTOR),
                Stream.of(Rule.values()).filter(r -> JdkThreads.perCall(r, "Cleaner-7")).toList());
        assertFalse(JdkThreads.perCall(Rule.INNOCUOUS, "Read-Poller"));
        assertFalse(JdkThreads.perCall(Rule.INNOCUOUS, "MasterPoller"));
        assertFalse(JdkThreads.perCall(Rule.CARRIER, "ForkJoinPool-1-worker-3"));
    }
}
