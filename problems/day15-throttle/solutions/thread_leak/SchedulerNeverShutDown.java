package katas.day15.solutions.thread_leak;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import katas.day15.Throttle;

/**
 * Right gaps, right speed, but the scheduler that hands the permit back is
 * never shut down (Go's missing {@code defer ticker.Stop()}): its thread
 * stays alive, idle, after every call.
 */
public final class SchedulerNeverShutDown implements Throttle {
    @Override
    public <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) throws InterruptedException {
        if (requests.isEmpty()) {
            return;
        }
        long gap = Math.ceilDiv(TimeUnit.SECONDS.toNanos(1), perSecond);
        Semaphore permit = new Semaphore(1);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        for (T request : requests) {
            permit.acquire();
            long started = System.nanoTime();
            call.accept(request);
            scheduler.schedule(() -> permit.release(), started + gap - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
    }
}
