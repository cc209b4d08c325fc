package katas.day14.solutions.accepted;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day14.BoundedRunner;

/**
 * Go's buffered-channel semaphore, translated: take a permit before starting
 * each task (the loop blocks while three run), give it back in {@code finally}
 * whatever the task did. Closing the executor waits for the last ones.
 */
public final class Reference implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) throws InterruptedException {
        Semaphore slots = new Semaphore(LIMIT);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Runnable task : tasks) {
                slots.acquire();                 // sem <- struct{}{}
                executor.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    } finally {
                        slots.release();         // <-sem, on every path
                    }
                });
            }
        }
        return failures.get();
    }
}
