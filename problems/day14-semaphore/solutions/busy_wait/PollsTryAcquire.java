package katas.day14.solutions.busy_wait;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day14.BoundedRunner;

/** Right limit, right release, but it polls {@code tryAcquire()} in a loop instead of blocking in {@code acquire()}. */
public final class PollsTryAcquire implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) {
        Semaphore slots = new Semaphore(LIMIT);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Runnable task : tasks) {
                while (!slots.tryAcquire()) {
                    Thread.onSpinWait();
                }
                executor.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return failures.get();
    }
}
