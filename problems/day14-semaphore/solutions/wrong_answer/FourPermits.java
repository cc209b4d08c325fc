package katas.day14.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day14.BoundedRunner;

/** Off by one: "three workers plus the caller" makes a semaphore of four, and four tasks run at once. */
public final class FourPermits implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) throws InterruptedException {
        Semaphore slots = new Semaphore(LIMIT + 1);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Runnable task : tasks) {
                slots.acquire();
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
