package katas.day11.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/** A virtual thread per task: every task runs at once, with no bound of 5 workers. */
public final class ThreadPerTask implements FanOutFanIn {
    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results)
            throws InterruptedException {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int task : tasks) {
                futures.add(executor.submit(() -> work.applyAsInt(task)));
            }
            for (Future<Integer> f : futures) {
                try {
                    results.accept(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}
