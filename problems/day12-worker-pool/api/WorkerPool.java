package katas.day12;

import java.util.function.IntConsumer;

/**
 * Day 12: worker pools. A fixed set of workers takes jobs from a shared
 * supply until none are left.
 */
public interface WorkerPool {

    /** How many workers the pool has. */
    int WORKERS = 5;

    /**
     * Runs {@code job.accept(i)} for every job number {@code i} in
     * {@code [0, jobs)} on a pool of {@link #WORKERS} workers.
     *
     * <ul>
     *   <li>each job runs exactly once: never skipped, never twice;</li>
     *   <li>exactly {@link #WORKERS} jobs are in progress at once while at
     *       least that many are left: never more, and not fewer (a free
     *       worker takes the next job at once);</li>
     *   <li>it returns once every job has finished and the pool is shut
     *       down: none of its threads is left running.</li>
     * </ul>
     *
     * @param jobs how many jobs, 0 or more
     * @param job  the work of job number i; it may block (sleep, I/O) for a while
     *             and is safe to call from several threads at once
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void process(int jobs, IntConsumer job) throws InterruptedException;
}
