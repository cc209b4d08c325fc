package katas.day11.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/**
 * Fans out, but never fans in: each worker hands its result straight to the
 * results consumer, a plain list, so five threads add to it at once.
 */
public final class WorkersShareTheResults implements FanOutFanIn {
    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results) {
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            for (int task : tasks) {
                pool.submit(() -> results.accept(work.applyAsInt(task)));
            }
        }
    }
}
