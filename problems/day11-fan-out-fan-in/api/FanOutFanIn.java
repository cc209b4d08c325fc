package katas.day11;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Day 11: fan-out, fan-in. Spread tasks over a fixed number of workers that
 * run at the same time, and bring every result back into one place.
 */
public interface FanOutFanIn {

    /** How many workers process tasks at the same time. */
    int WORKERS = 5;

    /**
     * Applies {@code work} to every task on {@link #WORKERS} workers running
     * at the same time, and hands every result to {@code results}.
     *
     * <ul>
     *   <li>each task is processed exactly once, and each result is handed
     *       over exactly once, in any order (the results are the tasks mapped
     *       by {@code work});</li>
     *   <li>exactly {@link #WORKERS} tasks are in progress at once while at
     *       least that many are left: never more, and not fewer;</li>
     *   <li>{@code results} is like a plain {@code ArrayList::add}: it is
     *       <b>not thread-safe</b>. It must never be called by two threads at
     *       the same time (fan the results in to one place first);</li>
     *   <li>it returns once every result has been handed over, leaving no
     *       worker running.</li>
     * </ul>
     *
     * @param tasks   the inputs, possibly with repeated values; may be empty
     * @param work    the work for one task; it may block (sleep, I/O) for a while
     *                and is safe to call from several threads at once
     * @param results where the results go, one call per result, never two calls at once
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results) throws InterruptedException;
}
