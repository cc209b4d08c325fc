package katas.day11.solutions.accepted;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/**
 * Fan-out: a fixed pool of 5 threads takes the tasks. Fan-in: a
 * CompletionService brings the results back to this one thread as they
 * complete, and only this thread hands them over.
 */
public final class Reference implements FanOutFanIn {

    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results)
            throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int task : tasks) {
                done.submit(() -> work.applyAsInt(task));
            }
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    results.accept(done.take().get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a task failed", e.getCause());
                }
            }
        } // close(): the pool's threads are shut down and waited for
    }
}
