package katas.day15.solutions.accepted;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import katas.day15.Throttle;

/**
 * A minimum gap between starts: remember when the last call started, sleep
 * until one interval after it. The call's own time counts inside the gap,
 * and a late wake-up only delays, never shortens, the next gap.
 */
public final class Reference implements Throttle {
    @Override
    public <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) throws InterruptedException {
        long gap = Math.ceilDiv(TimeUnit.SECONDS.toNanos(1), perSecond);
        long next = System.nanoTime();                  // the first call goes at once
        for (T request : requests) {
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);       // asleep until the slot, not spinning
            }
            next = System.nanoTime() + gap;
            call.accept(request);
        }
    }
}
