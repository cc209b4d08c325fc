package katas.day21.solutions.thread_leak;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * close() raises a flag that the jobs check, so nothing runs after it; but
 * the executor is never shut down, and its thread waits for work forever.
 */
public final class CloseOnlyRaisesAFlag implements Scheduler {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean closed;

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        AtomicInteger state = new AtomicInteger();
        var future = timer.schedule(() -> {
            if (!closed && state.compareAndSet(0, 1)) {
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
        closed = true;
    }
}
