package katas.day27.solutions.accepted;

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
 * CPU-bound chunks on a fixed pool of availableProcessors() platform threads
 * (the JVM's GOMAXPROCS); sleep-bound tasks on a virtual thread each. Both
 * executors are closed by try-with-resources, which waits for their tasks.
 */
public final class Reference implements Parallelism {

    @Override
    public long cpuBound(int chunks, IntToLongFunction chunk) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            List<Future<Long>> parts = new ArrayList<>(chunks);
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
            throw new IllegalStateException("a chunk failed", e.getCause());
        }
    }

    @Override
    public void sleepBound(List<Runnable> tasks) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            tasks.forEach(executor::submit);
        }
    }

    @Override
    public Map<String, String> quiz() {
        return Map.of("q1", "c", "q2", "a", "q3", "d", "q4", "b", "q5", "a");
    }
}
