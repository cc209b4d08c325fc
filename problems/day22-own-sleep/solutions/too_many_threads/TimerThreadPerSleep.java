package katas.day22.solutions.too_many_threads;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import katas.day22.Sleeper;

/**
 * Right, and tidy (it shuts its timer down), but it starts a platform timer
 * thread for every sleep: a thousand sleepers cost a thousand OS threads.
 */
public final class TimerThreadPerSleep implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (!d.isPositive()) {
            return;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            CountDownLatch rang = new CountDownLatch(1);
            timer.schedule(rang::countDown, d.toNanos(), TimeUnit.NANOSECONDS);
            rang.await();
        } finally {
            timer.shutdownNow();
        }
    }
}
