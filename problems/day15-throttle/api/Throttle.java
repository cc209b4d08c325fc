package katas.day15;

import java.util.List;
import java.util.function.Consumer;

/**
 * Day 15: throttling. Send requests no faster than a given rate.
 */
public interface Throttle {

    /**
     * Calls {@code call} once for each request, in list order, one call after
     * the other (a call starts after the previous one returned), and never
     * faster than {@code perSecond}: two successive calls <em>start</em> at
     * least {@code 1 s / perSecond} apart (a minimum gap, not a grid: a late
     * call does not make the next one early). The first call may start at
     * once; there is no burst allowance. Keep up with the rate: a call's own
     * duration must not add to the gap when the call is shorter than the gap.
     * Returns after the last call has returned, leaving no thread behind.
     *
     * @param requests  what to send, possibly none
     * @param perSecond the rate, 1 or more calls per second
     * @param call      the rate-limited action; it may take a while (shorter than the gap)
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    <T> void throttle(List<T> requests, int perSecond, Consumer<? super T> call) throws InterruptedException;
}
