package katas.day27.solutions.slow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntToLongFunction;
import katas.day27.Parallelism;

/**
 * Computes the CPU-bound chunks one after another on the caller's thread:
 * one core busy, the others idle (the speedup baseline). The sleepers and
 * the quiz are right.
 */
public final class Sequential implements Parallelism {

    @Override
    public long cpuBound(int chunks, IntToLongFunction chunk) {
        long sum = 0;
        for (int i = 0; i < chunks; i++) {
            sum += chunk.applyAsLong(i);
        }
        return sum;
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
