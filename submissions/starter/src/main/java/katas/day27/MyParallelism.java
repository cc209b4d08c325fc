package katas.day27;

import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Day 27 — your solution. Read problems/day27-parallelism/README.md first
 * (it has the quiz).
 *
 * <p>CPU-bound chunks: a pool as large as the cores. Sleep-bound tasks: a
 * virtual thread each.
 */
public class MyParallelism implements Parallelism {

    @Override
    public long cpuBound(int chunks, IntToLongFunction chunk) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 27: spread the chunks over availableProcessors() threads");
    }

    @Override
    public void sleepBound(List<Runnable> tasks) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 27: one virtual thread per task, then wait for all");
    }

    @Override
    public Map<String, String> quiz() {
        throw new UnsupportedOperationException("TODO day 27: answer the README's quiz, e.g. Map.of(\"q1\", \"a\", ...)");
    }
}
