package katas.day21;

import java.time.Duration;

/**
 * Day 21 — your solution. Read problems/day21-scheduler/README.md first.
 *
 * <p>One timer for every job (a ScheduledExecutorService, or a DelayQueue
 * and one worker), not a sleeping thread per job; cancel exactly; close
 * drops what has not started and leaves no thread.
 */
public class MyScheduler implements Scheduler {

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        throw new UnsupportedOperationException("TODO day 21: run task once after delay, on a timer thread");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO day 21: drop the jobs not started, end the threads");
    }
}
