package katas.day22.solutions.thread_leak;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import katas.day22.Sleeper;

/**
 * Keeps a scheduler for its alarms, which is thrifty (one timer thread for
 * every sleeper), but never shuts it down: the timer thread outlives every
 * sleep, waiting for alarms that will never be set (a leak).
 */
public final class SchedulerNeverShutDown implements Sleeper {
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor();

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (!d.isPositive()) {
            return;
        }
        CountDownLatch rang = new CountDownLatch(1);
        ScheduledFuture<?> alarm = alarms.schedule(rang::countDown, d.toNanos(), TimeUnit.NANOSECONDS);
        try {
            rang.await();
        } finally {
            alarm.cancel(false);
        }
    }
}
