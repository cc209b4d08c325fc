package katas.day21;

import java.time.Duration;

/**
 * Day 21: a mini job scheduler. Go's {@code time.AfterFunc(d, f)}: run a
 * task once, after a delay, without a thread per waiting task.
 *
 * <p>A scheduler is created with its public no-argument constructor, used
 * by any number of threads, and closed once.
 */
public interface Scheduler extends AutoCloseable {

    /**
     * Runs {@code task} once, on a thread of the scheduler (never the
     * caller's), no sooner than {@code delay} after this call and as soon as
     * possible after that. Returns at once. Jobs due at different times run
     * in the order of their due times. A task that throws does not stop the
     * scheduler: later jobs still run. However many jobs wait, the scheduler
     * needs only a few threads (a timer does not need a thread of its own).
     *
     * @param task  short work to run (it may take a little while; it runs once)
     * @param delay how long to wait, 0 or more
     * @return the job, to cancel it
     */
    ScheduledJob schedule(Runnable task, Duration delay);

    /**
     * Stops the scheduler: jobs that have not started never start. A job
     * already running is not interrupted; it finishes. Then the scheduler's
     * threads end (the judge gives them a second). {@code schedule} is not
     * called after {@code close}.
     */
    @Override
    void close();
}
