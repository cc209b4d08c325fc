package katas.day15.solutions.accepted;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import katas.day15.Throttle;

/**
 * One permit, handed back by a scheduler one interval after the call that
 * took it started: the next call cannot start earlier, however late the
 * scheduler runs. The scheduler is shut down in {@code finally}, Go's
 * {@code defer ticker.Stop()}.
 */
public final class PermitReturnedLater implements Throttle {
    @Override
    public <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) throws InterruptedException {
        if (requests.isEmpty()) {
            return;
        }
        long gap = Math.ceilDiv(TimeUnit.SECONDS.toNanos(1), perSecond);
        Semaphore permit = new Semaphore(1);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            for (T request : requests) {
                permit.acquire();                       // asleep until the slot opens
                long started = System.nanoTime();
                call.accept(request);
                long nextSlot = started + gap - System.nanoTime();
                scheduler.schedule(() -> permit.release(), nextSlot, TimeUnit.NANOSECONDS);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
