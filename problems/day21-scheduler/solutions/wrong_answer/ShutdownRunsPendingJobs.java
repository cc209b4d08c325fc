package katas.day21.solutions.wrong_answer;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * Closes the executor with close() (shutdown, then wait), trusting it to
 * drop the pending jobs. A ScheduledThreadPoolExecutor does not, by
 * default: delayed jobs still run after shutdown, and close() waits for all
 * of them. Set setExecuteExistingDelayedTasksAfterShutdownPolicy(false), or
 * use shutdownNow().
 */
public final class ShutdownRunsPendingJobs implements Scheduler {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        AtomicInteger state = new AtomicInteger();
        var future = timer.schedule(() -> {
            if (state.compareAndSet(0, 1)) {
                task.run();
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            if (!state.compareAndSet(0, 2)) {
                return false;
            }
            future.cancel(false);
            return true;
        };
    }

    @Override
    public void close() {
        timer.close();
    }
}
