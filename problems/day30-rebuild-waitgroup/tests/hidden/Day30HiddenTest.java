package katas.day30.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day30.WaitGroup;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 30. Workers and waiters are the test's own platform
 * threads; waiters are joined without a timeout, so a waiter that is never
 * released is seen by the judge as what it is, a deadlock. (The ban on
 * latches, locks, monitors and sleep is checked on the bytecode before any
 * test runs.) Waits, quiet windows and bounds on how long await may take
 * stretch with the judge's factor ({@link Tolerance}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day30HiddenTest {

    /** How long an await that should return at once may take. */
    static final long AT_ONCE_MS = Tolerance.ms(500);
    /** A quiet window in which a waiter must not be released. */
    static final Duration QUIET = Tolerance.of(Duration.ofMillis(300));

    @Test
    @Order(1)
    void awaitReturnsWhenTheCountReachesZero() throws Exception {
        WaitGroup wg = Katas.load(WaitGroup.class);
        AtomicInteger finished = new AtomicInteger();
        wg.add(3);
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long ms = 100L * i;
            workers.add(Thread.ofPlatform().name("test-worker-" + i).start(() -> {
                pause(ms);
                finished.incrementAndGet();
                wg.done();
            }));
        }
        long start = System.nanoTime();
        wg.await();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, finished.get(), "await returned after " + tookMs + " ms, with " + finished.get()
                + " of 3 workers done");
        for (Thread w : workers) {
            w.join();
        }
    }

    @Test
    @Order(2)
    void everyWaiterIsReleased() throws Exception {
        WaitGroup wg = Katas.load(WaitGroup.class);
        wg.add(1);
        AtomicInteger released = new AtomicInteger();
        List<Thread> waiters = startWaiters(wg, 5, released);
        for (Thread w : waiters) {
            Waits.isBlocked(w, Tolerance.of(Duration.ofMillis(300))); // let each get to its await
        }
        assertEquals(0, released.get(), "a waiter returned while the count was 1");
        wg.done();
        for (Thread w : waiters) {
            w.join(); // a waiter that is never released hangs here: the judge reports the deadlock
        }
        assertEquals(5, released.get(), "all 5 waiters must be released when the count reaches zero");
    }

    @Test
    @Order(3)
    void awaitAtZeroReturnsAtOnce() throws Exception {
        WaitGroup wg = Katas.load(WaitGroup.class);
        assertTrue(Waits.time(wg::await).toMillis() < AT_ONCE_MS, "a new group's count is 0: await returns at once");
        wg.add(2);
        wg.done();
        wg.done();
        assertTrue(Waits.time(wg::await).toMillis() < AT_ONCE_MS, "count back at 0: await returns at once");
        wg.add(0);
        assertTrue(Waits.time(wg::await).toMillis() < AT_ONCE_MS, "add(0) at 0 changes nothing");
    }

    @Test
    @Order(4)
    void aNegativeCounterIsRefused() throws Exception {
        WaitGroup wg = Katas.load(WaitGroup.class);
        assertThrows(IllegalStateException.class, wg::done, "done() on a zero counter (Go panics: "
                + "\"sync: negative WaitGroup counter\")");
        assertThrows(IllegalStateException.class, () -> wg.add(-1), "add(-1) on a zero counter");
        wg.add(1);
        assertThrows(IllegalStateException.class, () -> wg.add(-2), "add(-2) on a counter of 1");
        // The refused calls changed nothing: the counter is 1, one done() brings it to zero.
        Thread waiter = Thread.ofPlatform().name("test-waiter").start(() -> {
            try {
                wg.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(Waits.until(() -> !waiter.isAlive(), QUIET), "await returned while the "
                + "counter was 1 (did a refused call change it?)");
        wg.done();
        waiter.join();
    }

    @Test
    @Order(5)
    void theGroupCanBeReused() throws Exception {
        WaitGroup wg = Katas.load(WaitGroup.class);
        wg.add(1);
        wg.done();
        wg.await();
        wg.add(2);
        AtomicInteger released = new AtomicInteger();
        List<Thread> waiters = startWaiters(wg, 2, released);
        wg.done();
        assertFalse(Waits.until(() -> released.get() > 0, QUIET), "a waiter of the second round "
                + "returned while its count was still 1");
        wg.done();
        for (Thread w : waiters) {
            w.join();
        }
        assertEquals(2, released.get());
        wg.add(1);
        wg.done();
        wg.await(); // a third round
    }

    @Test
    @Order(6)
    void manyConcurrentDonesCountExactly() throws Exception {
        for (int round = 1; round <= 3; round++) {
            WaitGroup wg = Katas.load(WaitGroup.class);
            wg.add(200);
            CountDownLatch gate = new CountDownLatch(1);
            AtomicInteger released = new AtomicInteger();
            List<Thread> waiters = startWaiters(wg, 2, released);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                workers.add(Thread.ofPlatform().name("test-worker-" + t).start(() -> {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 10; i++) {
                        wg.done();
                    }
                }));
            }
            gate.countDown();
            for (Thread w : workers) {
                w.join();
            }
            for (Thread w : waiters) {
                w.join();
            }
            assertEquals(2, released.get(), "round " + round);
            assertThrows(IllegalStateException.class, wg::done, "round " + round + ": 200 added, 200 done, "
                    + "count is 0: one more done() must be refused (a lost update?)");
        }
    }

    @Test
    @Order(7)
    void waitersBlockWithoutSpinning() throws Exception {
        // Two waiters wait 1.5 s for the last task: a waiter spinning in your code for 800 ms is caught.
        WaitGroup wg = Katas.load(WaitGroup.class);
        wg.add(1);
        AtomicInteger released = new AtomicInteger();
        List<Thread> waiters = startWaiters(wg, 2, released);
        pause(1_500);
        wg.done();
        for (Thread w : waiters) {
            w.join();
        }
        assertEquals(2, released.get());
    }

    // ------------------------------------------------------------------ helpers

    static List<Thread> startWaiters(WaitGroup wg, int n, AtomicInteger released) {
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waiters.add(Thread.ofPlatform().name("test-waiter-" + i).start(() -> {
                try {
                    wg.await();
                    released.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return waiters;
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
