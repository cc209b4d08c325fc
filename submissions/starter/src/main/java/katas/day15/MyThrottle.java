package katas.day15;

import java.util.List;
import java.util.function.Consumer;

/**
 * Day 15 — your solution. Read problems/day15-throttle/README.md first.
 *
 * <p>Call {@code call} for each request, in order, with successive calls
 * starting at least {@code 1 s / perSecond} apart.
 */
public class MyThrottle implements Throttle {

    @Override
    public <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) throws InterruptedException {
        throw new UnsupportedOperationException(
                "TODO day 15: before each call, sleep until one interval after the previous call started");
    }
}
