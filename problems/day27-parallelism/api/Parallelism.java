package katas.day27;

import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Day 27: concurrency vs parallelism. CPU-bound work goes as fast as the
 * cores allow and no faster; sleep-bound work on virtual threads goes as fast
 * as the slowest wait, whatever the cores. Plus a short quiz on the scheduler.
 */
public interface Parallelism {

    /**
     * CPU-bound work: computes {@code chunk.applyAsLong(i)} for every
     * {@code i} in {@code [0, chunks)}, each exactly once, and returns the
     * sum. The chunks are pure computation (no waiting), independent, of
     * about equal cost, and safe to call from several threads at once.
     *
     * <p>Use every core: the JVM's GOMAXPROCS is
     * {@link Runtime#availableProcessors()}. Never compute more than that many
     * chunks at the same moment (more threads than cores only adds switching).
     * No thread of yours may be left when the method returns.
     *
     * @param chunks how many chunks, 0 or more
     * @param chunk  the work of one chunk
     * @return the sum of the chunks' results (0 for no chunks)
     */
    long cpuBound(int chunks, IntToLongFunction chunk) throws InterruptedException;

    /**
     * Sleep-bound work: runs every task concurrently, each exactly once, and
     * returns when all have finished. Tasks spend their time blocked (a
     * sleep, a network call), there may be 10,000 of them, and they must all
     * wait at the same time: run each on a virtual thread of its own. No
     * thread of yours may be left when the method returns.
     */
    void sleepBound(List<Runnable> tasks) throws InterruptedException;

    /**
     * The answers to the quiz in the day's README, one entry per question:
     * keys {@code "q1"} to {@code "q5"}, values {@code "a"}, {@code "b"},
     * {@code "c"} or {@code "d"}.
     */
    Map<String, String> quiz();
}
