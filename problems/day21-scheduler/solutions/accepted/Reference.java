package katas.day21.solutions.accepted;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * A ScheduledThreadPoolExecutor with one thread: a priority queue of due
 * times and a thread that sleeps until the earliest, like the Go runtime's
 * timer heap. Two policies matter: cancelled jobs leave the queue at once,
 * and on shutdown the delayed jobs are dropped (by default they would still
 * run). Each job's state goes PENDING -> RUNNING or PENDING -> CANCELLED,
 * exactly once, so cancel() answers exactly.
 */
public final class Reference implements Scheduler {

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int CANCELLED = 2;

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("scheduler").factory());

    public Reference() {
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        AtomicInteger state = new AtomicInteger(PENDING);
        ScheduledFuture<?> future = timer.schedule(() -> {
            if (state.compareAndSet(PENDING, RUNNING)) {
                task.run(); // an exception ends this job only: the executor keeps its thread
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            if (!state.compareAndSet(PENDING, CANCELLED)) {
                return false;
            }
            future.cancel(false); // never interrupts; removes the job from the queue
            return true;
        };
    }

    @Override
    public void close() {
        timer.close(); // shutdown (delayed jobs dropped, by the policy above) and wait for a running job
    }
}
