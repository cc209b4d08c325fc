package katas.day15.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import katas.day15.Throttle;

/**
 * "Sleep one interval between calls": the gap becomes the call's time plus
 * the interval, so with calls that take a while it falls well behind the rate.
 */
public final class SleepsAfterEachCall implements Throttle {
    @Override
    public <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) throws InterruptedException {
        long gap = Math.ceilDiv(TimeUnit.SECONDS.toNanos(1), perSecond);
        for (int i = 0; i < requests.size(); i++) {
            if (i > 0) {
                TimeUnit.NANOSECONDS.sleep(gap);
            }
            call.accept(requests.get(i));
        }
    }
}
