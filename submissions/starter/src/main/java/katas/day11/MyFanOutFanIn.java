package katas.day11;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Day 11 — your solution. Read problems/day11-fan-out-fan-in/README.md first.
 *
 * <p>Spread the tasks over exactly {@link #WORKERS} workers running at once
 * (fan-out), bring the results back to one thread before handing them to
 * {@code results}, which is not thread-safe (fan-in), and leave no worker
 * running when you return.
 */
public class MyFanOutFanIn implements FanOutFanIn {

    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results)
            throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 11: fan the tasks out to 5 workers, fan the results in");
    }
}
