package katas.day17;

import java.util.List;

/** A running set of workers: Go's {@code context.CancelFunc} plus a way to wait for them. */
public interface Job {

    /**
     * Cancels every worker: a step in progress is interrupted, and no new
     * step starts. Returns promptly (it need not wait for the workers to
     * end). Idempotent: it may be called any number of times, from any
     * thread, also concurrently and after {@link #join()}; only the first
     * call has an effect.
     */
    void cancel();

    /**
     * Waits, asleep, until every worker has stopped (which happens after
     * {@link #cancel()}), then returns the partial results: for each worker,
     * by index, how many of its steps completed (returned normally). No
     * worker thread is left behind once it returns. May be called again; it
     * returns the same counts.
     *
     * @return the number of completed steps of worker 0, 1, ...
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    List<Integer> join() throws InterruptedException;
}
