package katas.day12;

import java.util.function.IntConsumer;

/**
 * Day 12 — your solution. Read problems/day12-worker-pool/README.md first.
 *
 * <p>Run every job once on a pool of exactly {@link #WORKERS} workers, each
 * taking the next job as soon as it is free, and shut the pool down before
 * you return.
 */
public class MyWorkerPool implements WorkerPool {

    @Override
    public void process(int jobs, IntConsumer job) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 12: run the jobs on a pool of 5 workers, then shut it down");
    }
}
