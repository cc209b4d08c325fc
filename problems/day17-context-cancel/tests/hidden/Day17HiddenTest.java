package katas.day17.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntToLongFunction;
import katas.day17.CancellableWork;
import katas.day17.Job;
import katas.day17.Step;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 17. The work is a recording {@link Step}: it sleeps,
 * counts the steps that complete, and knows when the test called cancel().
 * After cancel, every step in progress must end (interrupted) and join()
 * must return within a bound; a step that starts well after cancel(), on a
 * thread that is not interrupted, is a worker that did not hear of it: it is
 * recorded and made to throw, so a runaway loop ends and the test can
 * report it. Those bounds and the test's waits stretch with the judge's
 * factor ({@link Tolerance}); the steps' lengths are the scenario.
 */
class Day17HiddenTest {

    /** How long after cancel() a worker may still start a step without being interrupted (a racing start). */
    private static final long GRACE_MS = Tolerance.ms(150);
    /** A step that only an interrupt ends in time. */
    private static final long LONG_STEP_MS = 2000;
    /**
     * How long after cancel() join() must have returned: the workers stop within milliseconds. Always less
     * than a long step, so a join that waits for one fails at any factor.
     */
    private static final long STOP_WITHIN_MS = Math.min(Tolerance.ms(900), LONG_STEP_MS - 100);
    /** How long the test waits for the workers' steps before failing. */
    private static final Duration PROGRESS_WITHIN = Tolerance.of(Duration.ofSeconds(3));

    /** The test's long-running work: sleep-bound steps whose length depends on the worker. */
    private static final class Work implements Step {
        private final IntToLongFunction millisOf;
        private final AtomicIntegerArray completed;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();
        private final List<String> lateStarts = new CopyOnWriteArrayList<>();
        private volatile long cancelledAt;

        Work(int workers, IntToLongFunction millisOf) {
            this.millisOf = millisOf;
            this.completed = new AtomicIntegerArray(workers);
        }

        @Override
        public void run(int worker, int round) throws InterruptedException {
            long cancelled = cancelledAt;
            // A worker that merely lost a race with cancel() arrives interrupted: its sleep throws at once.
            if (cancelled != 0 && System.nanoTime() - cancelled > TimeUnit.MILLISECONDS.toNanos(GRACE_MS)
                    && !Thread.currentThread().isInterrupted()) {
                String what = "worker " + worker + " started step " + round + " "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled) + " ms after cancel()";
                lateStarts.add(what);
                throw new IllegalStateException(what + ": the job was cancelled");
            }
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(millisOf.applyAsLong(worker));
                completed.incrementAndGet(worker);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        /** Marks the moment the test cancels: call just before job.cancel(). */
        void cancelling() {
            cancelledAt = System.nanoTime();
        }

        int completed(int worker) {
            return completed.get(worker);
        }

        List<Integer> completedList() {
            List<Integer> out = new ArrayList<>();
            for (int w = 0; w < completed.length(); w++) {
                out.add(completed.get(w));
            }
            return out;
        }

        /** Waits until each worker has completed at least {@code steps} steps. */
        void awaitProgress(int steps) {
            boolean ran = Waits.until(() -> {
                for (int w = 0; w < completed.length(); w++) {
                    if (completed.get(w) < steps) {
                        return false;
                    }
                }
                return true;
            }, PROGRESS_WITHIN);
            assertTrue(ran, "after " + PROGRESS_WITHIN.toMillis() + " ms, the steps completed per worker are only " + completedList()
                    + ": every worker should be running its steps, one after another");
        }
    }

    /** join() after cancel: in time, nothing still running, nothing started late, counts exact. */
    private static List<Integer> joinAfterCancel(Job job, Work work) throws InterruptedException {
        long cancelledAt = work.cancelledAt;
        List<Integer> counts = job.join();
        long joinedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
        int stillRunning = work.inFlight.get();
        if (stillRunning > 0) {
            fail("join() returned while " + stillRunning + " step(s) were still running: a cancelled worker "
                    + "must be interrupted, and join() must wait until it has stopped");
        }
        if (!work.lateStarts.isEmpty()) {
            fail("a worker went on after cancel(): " + work.lateStarts.getFirst()
                    + " (an InterruptedException swallowed, or a cancel that interrupts nothing?)");
        }
        assertTrue(joinedMs <= STOP_WITHIN_MS, "join() returned " + joinedMs + " ms after cancel(); "
                + "every worker should stop within a few ms: a step blocked for seconds must be interrupted, "
                + "not waited for");
        assertEquals(work.completedList(), counts, "join() must return, per worker, how many steps completed");
        return counts;
    }

    @Test
    void cancelStopsEveryWorkerPromptly() throws Exception {
        // Worker 0 is inside a 2 s step when cancel comes; the others do 30 ms steps.
        Work work = new Work(4, w -> w == 0 ? LONG_STEP_MS : 30);
        Job job = Katas.load(CancellableWork.class).start(4, work);
        assertTrue(Waits.until(() -> work.completed(1) >= 2 && work.completed(2) >= 2 && work.completed(3) >= 2,
                PROGRESS_WITHIN), "workers 1 to 3 should each complete 30 ms steps, one after another; "
                + "after " + PROGRESS_WITHIN.toMillis() + " ms they completed " + work.completedList());
        assertTrue(work.inFlight.get() > 0, "no step is running: the workers should run until cancelled");
        work.cancelling();
        job.cancel();
        List<Integer> counts = joinAfterCancel(job, work);
        assertEquals(0, counts.getFirst(), "worker 0's only step was cancelled, it did not complete");
    }

    @Test
    void joinReportsPartialResults() throws Exception {
        Work work = new Work(3, w -> 40);
        Job job = Katas.load(CancellableWork.class).start(3, work);
        work.awaitProgress(2);
        work.cancelling();
        job.cancel();
        List<Integer> counts = joinAfterCancel(job, work);
        assertEquals(3, counts.size(), "one count per worker");
        assertEquals(counts, job.join(), "a second join() returns the same counts");
    }

    @Test
    void everyWorkerRunsAtTheSameTime() throws Exception {
        Work work = new Work(5, w -> 50);
        Job job = Katas.load(CancellableWork.class).start(5, work);
        work.awaitProgress(1);
        work.cancelling();
        job.cancel();
        joinAfterCancel(job, work);
        assertEquals(5, work.peak.get(), "five workers should run their steps at the same time");
    }

    @Test
    void cancelIsIdempotent() throws Exception {
        Work work = new Work(3, w -> 30);
        Job job = Katas.load(CancellableWork.class).start(3, work);
        work.awaitProgress(1);
        work.cancelling();
        job.cancel();
        job.cancel();
        // Three more cancels at once, from three threads.
        CountDownLatch gate = new CountDownLatch(1);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> cancellers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cancellers.add(Thread.ofPlatform().name("test-canceller-" + i).start(() -> {
                try {
                    gate.await();
                    job.cancel();
                } catch (Throwable t) {
                    errors.add(t);
                }
            }));
        }
        gate.countDown();
        for (Thread t : cancellers) {
            t.join();
        }
        assertTrue(errors.isEmpty(), "cancel() called concurrently threw " + errors);
        List<Integer> counts = joinAfterCancel(job, work);
        job.cancel();
        assertEquals(counts, job.join(), "cancel() after join() changes nothing");
    }

    @Test
    void cancelRightAfterStart() throws Exception {
        Work work = new Work(3, w -> 30);
        Job job = Katas.load(CancellableWork.class).start(3, work);
        work.cancelling();
        job.cancel();
        joinAfterCancel(job, work);
    }

    @Test
    void joinWaitsAsleepUntilCancelled() throws Exception {
        // join() is called first; another thread cancels 1.5 s later. Meanwhile join must sleep, not spin.
        Work work = new Work(2, w -> 50);
        Job job = Katas.load(CancellableWork.class).start(2, work);
        Thread canceller = Thread.ofPlatform().name("test-canceller").start(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            work.cancelling();
            job.cancel();
        });
        List<Integer> counts = job.join();
        canceller.join();
        assertTrue(work.cancelledAt != 0, "join() returned before anyone called cancel()");
        assertEquals(0, work.inFlight.get(), "join() returned while steps were still running");
        assertEquals(work.completedList(), counts, "join() must return, per worker, how many steps completed");
        assertTrue(counts.get(0) >= 5 && counts.get(1) >= 5,
                "in 1.5 s each worker should have completed many 50 ms steps, not " + counts);
    }
}
