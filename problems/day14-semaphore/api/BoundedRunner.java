package katas.day14;

import java.util.List;

/**
 * Day 14: semaphores. Run many tasks concurrently, but never more than
 * {@link #LIMIT} of them at the same moment.
 */
public interface BoundedRunner {

    /** How many tasks may run at the same time: never more, and as many as there is work for. */
    int LIMIT = 3;

    /**
     * Runs every task exactly once, concurrently, with at most {@link #LIMIT}
     * of them running at any moment. A task starts as soon as a slot is free
     * (not when a whole group of {@code LIMIT} has finished). Returns only
     * after every task has finished, and leaves no thread behind.
     *
     * <p>A task that throws a {@code RuntimeException} counts as finished: its
     * slot is free again, the other tasks still run, and the exception is
     * not rethrown; it is only counted.
     *
     * @param tasks the work, each task sleep-bound for a while (I/O-like); may be empty
     * @return how many tasks threw
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    int runAll(List<? extends Runnable> tasks) throws InterruptedException;
}
