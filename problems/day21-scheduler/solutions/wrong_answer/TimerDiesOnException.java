package katas.day21.solutions.wrong_answer;

import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * java.util.Timer: one thread and a queue, as it should be, but a TimerTask
 * that throws kills the Timer's thread, and with it every job still waiting
 * (later schedule() calls even throw "Timer already cancelled").
 * ScheduledThreadPoolExecutor replaced it for that reason.
 */
public final class TimerDiesOnException implements Scheduler {

    private final Timer timer = new Timer("scheduler");

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        TimerTask t = new TimerTask() {
            @Override
            public void run() {
                task.run();
            }
        };
        timer.schedule(t, delay.toMillis());
        return t::cancel;
    }

    @Override
    public void close() {
        timer.cancel();
    }
}
