package katas.day05;

import java.util.List;

/**
 * Day 5: WaitGroup. Launch a group of tasks and wait until every one of them
 * is done, including those that fail.
 */
public interface WaitAll {

    /**
     * Starts every task at once, each on its own thread, and returns once all
     * of them have finished, normally or by throwing. A task that throws a
     * {@link RuntimeException} counts as finished: its exception is counted,
     * not rethrown, and must not keep this method waiting. No thread of the
     * group is left alive afterwards.
     *
     * @param tasks the tasks, 0 or more; they may block (sleep, I/O) for different times
     * @return how many of the tasks threw
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    int runAll(List<Runnable> tasks) throws InterruptedException;
}
