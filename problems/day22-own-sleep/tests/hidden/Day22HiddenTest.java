package katas.day22.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import katas.day22.Sleeper;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 22. Every sleep is timed from outside the call, so
 * "at least d" is exact (the learner's deadline is computed after the
 * test's start). Early wake-ups are made real with LockSupport.unpark on
 * the sleeping thread; interruption is checked on platform and virtual
 * threads. The many virtual sleepers come last: a solution that spins on
 * virtual threads holds the carriers for a long while. (They are 200, not
 * thousands: the judge estimates a virtual thread's CPU from the time it is
 * RUNNABLE, and a crowd queued for two carriers would look busy.) The
 * sleeps are the scenario; how late one may end, how long to wait for a
 * thread, and how soon a call must return stretch with the judge's factor
 * ({@link Tolerance}), never up to the length of the sleep they bound.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day22HiddenTest {

    /** How late a sleep may end on a loaded machine. */
    static final long MARGIN_MS = Tolerance.ms(300);
    /** How long the test waits for a sleeper's thread to end before failing. */
    static final Duration JOIN_WITHIN = Tolerance.of(Duration.ofSeconds(3));

    @Test
    @Order(1)
    void sleepsForTheDurationAndNotMuchLonger() throws Exception {
        Sleeper sleeper = Katas.load(Sleeper.class);
        for (long ms : new long[] {30, 120, 250}) {
            Duration d = Duration.ofMillis(ms);
            Duration took = Waits.time(() -> sleeper.sleep(d));
            assertInBand(took, d, "sleep(" + ms + " ms)");
        }
    }

    @Test
    @Order(2)
    void precisionIsTheNanosecond() throws Exception {
        Sleeper sleeper = Katas.load(Sleeper.class);
        for (long nanos : new long[] {900_000, 2_500_000}) {
            Duration d = Duration.ofNanos(nanos);
            Duration took = Waits.time(() -> sleeper.sleep(d));
            assertInBand(took, d, "sleep(" + nanos / 1000 + " µs)");
        }
    }

    @Test
    @Order(3)
    void zeroAndNegativeDurationsReturnAtOnce() throws Exception {
        Sleeper sleeper = Katas.load(Sleeper.class);
        for (Duration d : List.of(Duration.ZERO, Duration.ofNanos(-1), Duration.ofSeconds(-5))) {
            Duration took = Waits.time(() -> sleeper.sleep(d));
            assertTrue(took.toMillis() < Tolerance.ms(200), "sleep(" + d + ") should return at once (like Go's time.Sleep), took "
                    + took.toMillis() + " ms");
        }
    }

    @Test
    @Order(4)
    void anEarlyWakeUpDoesNotEndTheSleepOnAPlatformThread() throws Exception {
        assertEarlyWakeUpsIgnored(Thread.ofPlatform().name("sleeper").daemon());
    }

    @Test
    @Order(5)
    void anEarlyWakeUpDoesNotEndTheSleepOnAVirtualThread() throws Exception {
        assertEarlyWakeUpsIgnored(Thread.ofVirtual().name("sleeper"));
    }

    @Test
    @Order(6)
    void anInterruptEndsTheSleepPromptlyOnAPlatformThread() throws Exception {
        assertInterruptible(Thread.ofPlatform().name("sleeper").daemon());
    }

    @Test
    @Order(7)
    void anInterruptEndsTheSleepPromptlyOnAVirtualThread() throws Exception {
        assertInterruptible(Thread.ofVirtual().name("sleeper"));
    }

    @Test
    @Order(8)
    void anAlreadyInterruptedThreadDoesNotSleep() throws Exception {
        Sleeper sleeper = Katas.load(Sleeper.class);
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            sleeper.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            thrown = e;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        boolean stillInterrupted = Thread.interrupted(); // also clears it for the next test
        assertTrue(thrown != null, "the thread was interrupted before sleep(1 s): it must throw "
                + "InterruptedException at once, like Thread.sleep (it returned after " + ms + " ms)");
        assertTrue(ms < Math.min(Tolerance.ms(300), 1000), "an interrupted thread should not sleep at all; the throw came after " + ms + " ms");
        assertFalse(stillInterrupted, "after throwing InterruptedException the interrupt status must be "
                + "cleared, as Thread.sleep does (Thread.interrupted() clears it; isInterrupted() does not)");
    }

    @Test
    @Order(9)
    void sleepingBurnsNoCpu() throws Exception {
        // 2 s on the test's thread and on a virtual thread at once: a sleeper that spins is seen burning CPU
        // (over twice the watchdog's 800 ms busy stretch, so on a loaded machine too).
        Sleeper sleeper = Katas.load(Sleeper.class);
        Duration d = Duration.ofMillis(2000);
        Outcome[] other = new Outcome[1];
        Thread virtual = Thread.ofVirtual().name("sleeper").start(() -> other[0] = Outcome.of(sleeper, d));
        Duration took = Waits.time(() -> sleeper.sleep(d));
        virtual.join(JOIN_WITHIN);
        assertInBand(took, d, "sleep(2000 ms) on a platform thread");
        assertTrue(other[0] != null, "sleep(2000 ms) on a virtual thread had not returned after "
                + JOIN_WITHIN.toMillis() + " ms");
        assertNull(other[0].thrown(), "sleep(2000 ms) on a virtual thread threw " + other[0].thrown());
        assertInBand(other[0].elapsed(), d, "sleep(2000 ms) on a virtual thread");
    }

    @Test
    @Order(10)
    void manyVirtualThreadsSleepAtOnce() throws Exception {
        Sleeper sleeper = Katas.load(Sleeper.class);
        int n = 200;
        Duration d = Duration.ofMillis(300);
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().name("sleeper-" + i).start(() -> {
                Outcome o = Outcome.of(sleeper, d);
                if (o.thrown() != null) {
                    problems.add("a sleeper threw " + o.thrown());
                } else if (o.elapsed().toNanos() < d.toNanos()) {
                    problems.add("a sleeper woke after " + o.elapsed().toMillis() + " ms");
                }
                done.incrementAndGet();
            }));
        }
        // 200 threads spinning 300 ms each on two carriers need 30 s: far beyond this wait at any factor.
        Duration within = Tolerance.of(Duration.ofSeconds(3));
        boolean allDone = Waits.until(() -> done.get() == n, within);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(allDone, n + " virtual threads each sleeping 300 ms should all be done in well under "
                + within.toMillis() + " ms, "
                + "but only " + done.get() + " were after " + ms + " ms. Virtual threads are not preempted: "
                + "one that spins keeps its carrier thread, and the others wait for it. Block instead");
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(problems.isEmpty(), String.valueOf(problems.peek()));
    }

    // ------------------------------------------------------------------ helpers

    static void assertInBand(Duration took, Duration d, String what) {
        assertTrue(took.toNanos() >= d.toNanos(), what + " returned after " + micros(took) + " µs, before its "
                + micros(d) + " µs were up");
        assertTrue(took.toMillis() <= d.toMillis() + MARGIN_MS, what + " took " + took.toMillis()
                + " ms (limit " + (d.toMillis() + MARGIN_MS) + " ms)");
    }

    static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    /** A 400 ms sleep on a thread of the test, unparked six times while it sleeps: it must still last 400 ms. */
    static void assertEarlyWakeUpsIgnored(Thread.Builder builder) throws Exception {
        Sleeper sleeper = Katas.load(Sleeper.class);
        Duration d = Duration.ofMillis(400);
        Outcome[] result = new Outcome[1];
        Thread t = builder.start(() -> result[0] = Outcome.of(sleeper, d));
        Waits.until(() -> isWaiting(t), Tolerance.of(Duration.ofSeconds(1)));
        for (int i = 0; i < 6 && t.isAlive(); i++) {
            LockSupport.unpark(t);
            Thread.sleep(40);
        }
        t.join(JOIN_WITHIN);
        assertTrue(result[0] != null, "sleep(400 ms) had not returned after " + JOIN_WITHIN.toMillis() + " ms");
        assertNull(result[0].thrown(), "nothing interrupted the sleeper, yet it threw " + result[0].thrown());
        assertTrue(result[0].elapsed().toNanos() >= d.toNanos(), "sleep(400 ms) returned after "
                + result[0].elapsed().toMillis() + " ms: a park (or a wait) can end early, spuriously or because "
                + "someone unparked the thread, and this one did (the test unparked it 6 times). "
                + "Check the clock and wait again for what is left, in a loop");
        assertInBand(result[0].elapsed(), d, "sleep(400 ms) unparked 6 times");
    }

    /** A 2 s sleep on a thread of the test, interrupted once it sleeps: it must throw at once, status cleared. */
    static void assertInterruptible(Thread.Builder builder) throws Exception {
        Sleeper sleeper = Katas.load(Sleeper.class);
        Outcome[] result = new Outcome[1];
        Thread t = builder.start(() -> result[0] = Outcome.of(sleeper, Duration.ofSeconds(2)));
        Waits.until(() -> isWaiting(t), Tolerance.of(Duration.ofSeconds(1)));
        long interruptedAt = System.nanoTime();
        t.interrupt();
        t.join(JOIN_WITHIN);
        assertTrue(result[0] != null, "sleep(2 s) had not returned " + JOIN_WITHIN.toMillis()
                + " ms after it was interrupted");
        Outcome o = result[0];
        long ms = (o.endNanos() - interruptedAt) / 1_000_000;
        assertTrue(o.thrown() instanceof InterruptedException, "the sleeping thread was interrupted: sleep must "
                + "throw InterruptedException (it " + (o.thrown() == null ? "returned normally" : "threw "
                + o.thrown()) + " " + ms + " ms later). Do not swallow the interrupt");
        assertTrue(ms < Math.min(Tolerance.ms(500), 2000), "sleep threw InterruptedException " + ms + " ms after the interrupt: "
                + "it should wake up at once");
        assertFalse(o.interruptedAfter(), "after throwing InterruptedException the interrupt status must be "
                + "cleared, as Thread.sleep does (Thread.interrupted() clears it; isInterrupted() does not)");
    }

    static boolean isWaiting(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.TIMED_WAITING || s == Thread.State.WAITING;
    }

    /** What one sleep did, seen from the sleeping thread. */
    record Outcome(Duration elapsed, long endNanos, Throwable thrown, boolean interruptedAfter) {
        static Outcome of(Sleeper sleeper, Duration d) {
            long start = System.nanoTime();
            Throwable thrown = null;
            try {
                sleeper.sleep(d);
            } catch (Throwable e) {
                thrown = e;
            }
            long end = System.nanoTime();
            return new Outcome(Duration.ofNanos(end - start), end, thrown, Thread.currentThread().isInterrupted());
        }
    }
}
