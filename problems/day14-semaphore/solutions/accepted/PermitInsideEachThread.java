package katas.day14.solutions.accepted;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day14.BoundedRunner;

/**
 * JEP 444's advice for virtual threads: start one per task (they are cheap)
 * and let each take a permit around the guarded work. A fair semaphore hands
 * permits out in arrival order, so no task waits much longer than another.
 */
public final class PermitInsideEachThread implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) {
        Semaphore slots = new Semaphore(LIMIT, true);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Runnable task : tasks) {
                executor.execute(() -> {
                    try {
                        slots.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
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
