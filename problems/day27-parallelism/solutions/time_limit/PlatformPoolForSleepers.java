package katas.day27.solutions.time_limit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToLongFunction;
import katas.day27.Parallelism;

/**
 * Treats sleep-bound work like CPU-bound work: one pool of
 * availableProcessors() platform threads for both. Right for the chunks;
 * for 10,000 tasks of 100 ms on 2 cores it takes 10,000 x 100 ms / 2 = 500 s,
 * because a sleeping platform thread holds on to its OS thread.
 */
public final class PlatformPoolForSleepers implements Parallelism {

    @Override
    public long cpuBound(int chunks, IntToLongFunction chunk) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            List<Future<Long>> parts = new ArrayList<>();
            for (int i = 0; i < chunks; i++) {
                int index = i;
                parts.add(pool.submit(() -> chunk.applyAsLong(index)));
            }
            long sum = 0;
            for (Future<Long> part : parts) {
                sum += part.get();
            }
            return sum;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void sleepBound(List<Runnable> tasks) {
        try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            tasks.forEach(pool::submit);
        }
    }

    @Override
    public Map<String, String> quiz() {
        return Map.of("q1", "c", "q2", "a", "q3", "d", "q4", "b", "q5", "a");
    }
}
