package katajudge.child;

import static katajudge.child.Samples.learner;
import static katajudge.child.Samples.retired;
import static katajudge.child.Samples.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.Thread.State;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import katajudge.runtime.JdkThreads;
import katajudge.runtime.JdkThreads.Facts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which threads still there at the end of the lingering window are leaks. */
class LeakCheckTest {

    private static final List<String> BY_LEARNER = List.of("java.lang.Thread", "learner.Day16");

    /** @param thread what the JDK list is asked: the thread's facts and who started it */
    record Row(String name, ThreadSample sample, Facts thread, List<String> startedBy, boolean leak) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Facts plain(String name) {
        return new Facts(name, "java.lang.Thread", false, false);
    }

    private static ThreadSample ended(ThreadSample t) {
        return new ThreadSample(t.id(), t.name(), t.virtual(), t.learner(), t.retired(), false, t.root(),
                t.startedInPhase(), State.TERMINATED, null, Long.MAX_VALUE, t.progress(), -1);
    }

    static Stream<Row> rows() {
        ThreadSample waiting = learner(2, State.WAITING, 0);
        return Stream.of(
                new Row("a learner's thread still waiting", waiting, plain("worker-2"), BY_LEARNER, true),
                new Row("a learner's thread named like the JDK's cleaner", waiting, plain("Common-Cleaner"),
                        BY_LEARNER, true),
                new Row("a learner's thread that ended within the window", ended(waiting), plain("worker-2"),
                        BY_LEARNER, false),
                new Row("a learner's thread reported by an earlier test", retired(waiting), plain("worker-2"),
                        BY_LEARNER, false),
                new Row("the test thread", root(State.WAITING, 0), plain("test"), List.of(), false),
                new Row("an HttpClient's selector the learner's call started", waiting, new Facts(
                        "HttpClient-1-SelectorManager", "jdk.internal.net.http.HttpClientImpl$SelectorManager", false,
                        false), BY_LEARNER, false),
                new Row("an idle common-pool worker the learner's parallel stream started", waiting, new Facts(
                        "ForkJoinPool.commonPool-worker-1", "java.util.concurrent.ForkJoinWorkerThread", false, true),
                        BY_LEARNER, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aLeakIsTheLearnersAliveUnreportedAndNotTheJdks(Row row) {
        boolean jdks = JdkThreads.match(row.thread(), row::startedBy) != null;
        assertEquals(row.leak(), LeakCheck.isLeak(row.sample(), jdks));
    }

    // ------------------------------------------------------------------ the window, on real threads

    private static final long WINDOW_MS = 1500;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseThreads() {
        release.countDown();
    }

    private Thread stuck(String name) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                // ends
            }
        });
    }

    private static List<Thread> alive(Thread... threads) {
        return Stream.of(threads).filter(Thread::isAlive).toList();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aThreadThatEndsWithinTheWindowIsNoLeakAndEndsTheWaitEarly() {
        Thread ending = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                // ends
            }
        });
        long start = System.nanoTime();
        List<Thread> left = LeakCheck.lingering(WINDOW_MS, () -> alive(ending), t -> false);
        assertEquals(List.of(), left);
        assertTrue(millisSince(start) < WINDOW_MS, "waited " + millisSince(start) + " ms for a thread that ended");
    }

    @Test
    void aThreadFromANewSiteGetsTheWholeWindow() {
        Thread worker = stuck("worker-new-site");
        long start = System.nanoTime();
        assertEquals(List.of(worker), LeakCheck.lingering(WINDOW_MS, () -> alive(worker), t -> false));
        assertTrue(millisSince(start) >= WINDOW_MS, "gave up after " + millisSince(start) + " ms");
    }

    @Test
    void threadsAllFromSitesThatLeakedBeforeEndTheWaitAfterTheGrace() {
        Thread a = stuck("worker-1");
        Thread b = stuck("worker-2");
        long start = System.nanoTime();
        assertEquals(List.of(a, b), LeakCheck.lingering(WINDOW_MS, () -> alive(a, b), t -> true));
        long waited = millisSince(start);
        assertTrue(waited >= LeakCheck.KNOWN_SITE_GRACE_MS && waited < WINDOW_MS / 2,
                "waited " + waited + " ms for threads of a site that leaked before");
    }

    @Test
    void oneThreadFromANewSiteKeepsTheWholeWindowForAll() {
        Thread known = stuck("worker-known");
        Thread fresh = stuck("worker-fresh");
        long start = System.nanoTime();
        assertEquals(List.of(known, fresh),
                LeakCheck.lingering(WINDOW_MS, () -> alive(known, fresh), t -> t == known));
        assertTrue(millisSince(start) >= WINDOW_MS, "gave up after " + millisSince(start) + " ms");
    }
}
