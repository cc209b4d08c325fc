package katas.day27.solutions.wrong_answer;

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
 * Right code, wrong beliefs: thinks more threads than cores make CPU-bound
 * work faster (q3) and that a virtual thread keeps its carrier while it
 * sleeps (q4).
 */
public final class WrongQuiz implements Parallelism {

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
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            tasks.forEach(executor::submit);
        }
    }

    @Override
    public Map<String, String> quiz() {
        return Map.of("q1", "c", "q2", "a", "q3", "b", "q4", "c", "q5", "a");
    }
}
