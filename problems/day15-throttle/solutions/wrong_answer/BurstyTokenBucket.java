package katas.day15.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import katas.day15.Throttle;

/**
 * A token bucket that starts full with room for four: the average rate is
 * right, but the first four calls go out at once (Go's "bursty limiter").
 */
public final class BurstyTokenBucket implements Throttle {

    private static final double CAPACITY = 4;

    @Override
    public <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) throws InterruptedException {
        double tokens = CAPACITY;
        long last = System.nanoTime();
        for (T request : requests) {
            long now = System.nanoTime();
            tokens = Math.min(CAPACITY, tokens + (now - last) * perSecond / 1e9);
            last = now;
            if (tokens < 1) {
                TimeUnit.NANOSECONDS.sleep((long) ((1 - tokens) * 1e9 / perSecond));
                now = System.nanoTime();
                tokens = Math.min(CAPACITY, tokens + (now - last) * perSecond / 1e9);
                last = now;
            }
            tokens -= 1;
            call.accept(request);
        }
    }
}
