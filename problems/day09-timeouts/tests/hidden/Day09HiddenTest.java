package katas.day09.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import katas.day09.Timeouts;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 9. The producers are the test's: they note whether
 * they were interrupted, so "the slow producer was cancelled" is checked
 * directly, wherever it ran (a learner's thread, or the common pool that no
 * leak check watches). Run in a fixed order: a solution that waits without
 * a timeout meets the producer that never answers before the slow ones.
 * Every tolerance (how late, how long to wait) stretches with the judge's
 * factor ({@link Tolerance}); an upper bound stays below the timeout of its
 * test, so a receive that waits the timeout out fails at any factor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day09HiddenTest {

    /** How late after the timeout a timed-out receive may return: a wake-up on a loaded machine. */
    static final long MARGIN_MS = Tolerance.ms(350);
    /** How long an abandoned producer may take to be interrupted once receive has returned. */
    static final Duration CANCEL_WITHIN = Tolerance.of(Duration.ofSeconds(1));

    @Test
    @Order(1)
    void aFastValueComesBackAtOnce() throws Exception {
        Waits.Timed<Optional<String>> r = Waits.timed(() -> Katas.load(Timeouts.class)
                .receive(() -> {
                    Thread.sleep(30);
                    return "fast";
                }, Duration.ofMillis(1500)));
        assertEquals(Optional.of("fast"), r.value(), "the value came within the timeout");
        assertTrue(r.elapsed().toMillis() < Math.min(Tolerance.ms(700), 1500), "the value was ready after 30 ms but receive took "
                + r.elapsed().toMillis() + " ms: return it as soon as it arrives, do not wait out the timeout");
    }

    @Test
    @Order(2)
    void aProducerThatNeverAnswersTimesOutAndIsInterrupted() throws Exception {
        Producer p = Producer.blockingForever();
        try {
            Waits.Timed<Optional<String>> r = Waits.timed(() -> Katas.load(Timeouts.class)
                    .receive(p, Duration.ofMillis(200)));
            assertEquals(Optional.empty(), r.value(), "no value came: the result is empty");
            assertWithinTimeoutBand(r.elapsed(), 200);
            p.assertInterrupted();
        } finally {
            p.release();
        }
    }

    @Test
    @Order(3)
    void aSlowProducerTimesOutAndIsInterrupted() throws Exception {
        Producer p = Producer.sleeping(20_000);
        Waits.Timed<Optional<String>> r = Waits.timed(() -> Katas.load(Timeouts.class)
                .receive(p, Duration.ofMillis(250)));
        assertEquals(Optional.empty(), r.value(), "the producer needs 20 s: the result is empty");
        assertWithinTimeoutBand(r.elapsed(), 250);
        p.assertInterrupted();
    }

    @Test
    @Order(4)
    void aFailingProducerIsReported() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> Katas.load(Timeouts.class)
                .receive(() -> {
                    Thread.sleep(20);
                    throw new IllegalStateException("boom");
                }, Duration.ofMillis(1500)), "the producer threw: receive throws ExecutionException");
        assertTrue(e.getCause() instanceof IllegalStateException && "boom".equals(e.getCause().getMessage()),
                "the cause must be the producer's own exception, got " + e.getCause());
    }

    @Test
    @Order(5)
    void aLateValueIsAwaitedWithoutSpinning() throws Exception {
        // A value after 1 s with a 2.5 s timeout: the caller waits 1 s and must block meanwhile.
        Waits.Timed<Optional<String>> r = Waits.timed(() -> Katas.load(Timeouts.class)
                .receive(() -> {
                    Thread.sleep(1000);
                    return "late";
                }, Duration.ofMillis(2500)));
        assertEquals(Optional.of("late"), r.value(), "the value came within the timeout");
        long ms = r.elapsed().toMillis();
        assertTrue(ms >= 995 && ms < Math.min(Tolerance.ms(1800), 2500), "the value was ready after 1000 ms; receive took " + ms + " ms");
    }

    @Test
    @Order(6)
    void anInterruptedCallerInterruptsTheProducer() throws Exception {
        Producer p = Producer.sleeping(20_000);
        Thread caller = Thread.currentThread();
        Thread interrupter = Thread.ofPlatform().daemon().name("test-interrupter").start(() -> {
            try {
                Thread.sleep(150);
                caller.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            long start = System.nanoTime();
            assertThrows(InterruptedException.class, () -> Katas.load(Timeouts.class)
                    .receive(p, Duration.ofMillis(3000)), "the caller was interrupted while waiting");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < Math.min(Tolerance.ms(1500), 3000), "receive took " + ms + " ms to notice the interrupt (it came after 150 ms)");
            p.assertInterrupted();
        } finally {
            interrupter.join();
            Thread.interrupted(); // clear whatever is left for the next test
        }
    }

    // ------------------------------------------------------------------ helpers

    static void assertWithinTimeoutBand(Duration elapsed, long timeoutMs) {
        long ms = elapsed.toMillis();
        assertTrue(ms >= timeoutMs - 5, "receive gave up after " + ms + " ms, before its " + timeoutMs
                + " ms timeout");
        assertTrue(ms <= timeoutMs + MARGIN_MS, "receive returned " + ms + " ms after it started, for a "
                + timeoutMs + " ms timeout (limit " + (timeoutMs + MARGIN_MS) + " ms)");
    }

    /** A producer of the test that notes whether it was interrupted. */
    static final class Producer implements Callable<String> {
        private final AtomicBoolean interrupted = new AtomicBoolean();
        private final AtomicBoolean started = new AtomicBoolean();
        private final CountDownLatch never = new CountDownLatch(1);
        private final long sleepMs;

        private Producer(long sleepMs) {
            this.sleepMs = sleepMs;
        }

        /** Sleeps for {@code ms} (interruptibly), then answers. */
        static Producer sleeping(long ms) {
            return new Producer(ms);
        }

        /** Waits, without a timeout, for a signal that never comes. */
        static Producer blockingForever() {
            return new Producer(-1);
        }

        @Override
        public String call() throws InterruptedException {
            started.set(true);
            try {
                if (sleepMs < 0) {
                    never.await();
                } else {
                    Thread.sleep(sleepMs);
                }
                return "too late";
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        }

        void assertInterrupted() {
            assertTrue(started.get(), "the producer was never started");
            assertTrue(Waits.until(interrupted::get, CANCEL_WITHIN), "the abandoned producer was never "
                    + "interrupted: it is still running for nobody (a leaked task). Cancel it when you give up: "
                    + "Future.cancel(true) or Thread.interrupt(); CompletableFuture.cancel(true) does NOT interrupt");
        }

        /** Lets a producer that was never interrupted end (test hygiene). */
        void release() {
            never.countDown();
        }
    }
}
