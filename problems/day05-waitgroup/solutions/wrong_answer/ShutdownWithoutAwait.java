package katas.day05.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day05.WaitAll;

/** Calls shutdown() and takes it for "wait": it only stops new submissions and returns at once (awaitTermination waits). */
public final class ShutdownWithoutAwait implements WaitAll {
    @Override
    public int runAll(List<Runnable> tasks) {
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.size()));
        for (Runnable task : tasks) {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        return failed.get();
    }
}
