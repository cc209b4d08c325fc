package katas.day11.solutions.slow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/**
 * Sends the tasks out in waves of 5 and waits for the whole wave before the
 * next: four workers idle while the slowest task of each wave finishes.
 */
public final class Waves implements FanOutFanIn {
    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results)
            throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            for (int from = 0; from < tasks.size(); from += WORKERS) {
                List<Callable<Integer>> wave = new ArrayList<>();
                for (int task : tasks.subList(from, Math.min(from + WORKERS, tasks.size()))) {
                    wave.add(() -> work.applyAsInt(task));
                }
                for (Future<Integer> f : pool.invokeAll(wave)) {
                    try {
                        results.accept(f.get());
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
        }
    }
}
