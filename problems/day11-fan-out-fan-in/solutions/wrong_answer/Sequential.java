package katas.day11.solutions.wrong_answer;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/**
 * The sequential baseline of the speedup score: right results, but one task
 * at a time on the caller's thread, so the peak in flight is 1, not 5.
 */
public final class Sequential implements FanOutFanIn {
    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results) {
        for (int task : tasks) {
            results.accept(work.applyAsInt(task));
        }
    }
}
