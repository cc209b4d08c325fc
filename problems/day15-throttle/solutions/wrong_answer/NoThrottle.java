package katas.day15.solutions.wrong_answer;

import java.util.List;
import java.util.function.Consumer;
import katas.day15.Throttle;

/** Forgets the rate: every call goes out as fast as the loop runs. */
public final class NoThrottle implements Throttle {
    @Override
    public <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) {
        for (T request : requests) {
            call.accept(request);
        }
    }
}
