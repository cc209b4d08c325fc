package katas.day13.hidden;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import katas.day13.Pipeline;
import katas.support.SpeedupWorkload;

/**
 * 12 values through three stages of 20 ms each: 720 ms when each value goes
 * through all three stages before the next starts (or when each stage
 * finishes every value before the next stage starts); about (12 + 2) x 20 =
 * 280 ms when the stages overlap (2.6x).
 */
public final class Day13Workload implements SpeedupWorkload<Pipeline> {

    private static final int VALUES = 12;
    private static final long STAGE_MS = 20;

    @Override
    public void run(Pipeline solution) throws Exception {
        List<Integer> got = new ArrayList<>();
        Iterator<Integer> source = new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= VALUES;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                pause();
                return next++;
            }
        };
        solution.run(source, v -> {
            pause();
            return v * v;
        }, v -> {
            pause();
            synchronized (got) {
                got.add(v);
            }
        });
        synchronized (got) {
            for (int i = 0; i < VALUES; i++) {
                if (got.size() != VALUES || got.get(i) != (i + 1) * (i + 1)) {
                    throw new AssertionError("expected the squares of 1.." + VALUES + " in order, got " + got);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(STAGE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
