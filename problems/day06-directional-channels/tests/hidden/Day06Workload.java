package katas.day06.hidden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import katas.day06.ProducerConsumer;

/**
 * Ten items, each made in 25 ms and used in 25 ms, through a channel of
 * capacity 2: about 500 ms one stage after the other, about 275 ms when the
 * stages overlap (ideal speedup about 1.8x).
 */
public final class Day06Workload implements katas.support.SpeedupWorkload<ProducerConsumer> {
    @Override
    public void run(ProducerConsumer solution) throws Exception {
        List<Integer> used = Collections.synchronizedList(new ArrayList<>());
        solution.run(10, i -> {
            pause();
            return i;
        }, item -> {
            pause();
            used.add(item);
        }, 2);
        if (!used.equals(IntStream.range(0, 10).boxed().toList())) {
            throw new AssertionError("expected items 0..9 in order, got " + used);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
