package katas.day14.solutions.accepted;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day14.BoundedRunner;

/** A pool of exactly three threads: its queue holds the rest, and a free worker takes the next task at once. */
public final class FixedPool implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) {
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(LIMIT)) {
            for (Runnable task : tasks) {
                pool.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                });
            }
        }
        return failures.get();
    }
}
