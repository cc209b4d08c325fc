package katas.day14.solutions.deadlock;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day14.BoundedRunner;

/**
 * Gives the permit back after the task, but not in {@code finally}: each task
 * that throws loses a permit for good, and after three of them the loop waits
 * for a permit that nobody will ever release.
 */
public final class ReleasesOnlyOnSuccess implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) throws InterruptedException {
        Semaphore slots = new Semaphore(LIMIT);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Runnable task : tasks) {
                slots.acquire();
                executor.execute(() -> {
                    try {
                        task.run();
                        slots.release();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                });
            }
        }
        return failures.get();
    }
}
