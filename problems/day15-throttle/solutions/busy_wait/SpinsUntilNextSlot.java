package katas.day15.solutions.busy_wait;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import katas.day15.Throttle;

/** The right gaps, but it waits for each slot by reading the clock in a loop instead of sleeping. */
public final class SpinsUntilNextSlot implements Throttle {
    @Override
    public <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) {
        long gap = Math.ceilDiv(TimeUnit.SECONDS.toNanos(1), perSecond);
        long next = System.nanoTime();
        for (T request : requests) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next = System.nanoTime() + gap;
            call.accept(request);
        }
    }
}
