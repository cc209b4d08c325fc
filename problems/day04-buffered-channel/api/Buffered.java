package katas.day04;

import java.util.List;
import java.util.function.Supplier;

/**
 * Day 4: buffered vs unbuffered channels. A channel with a buffer lets a
 * sender go on without waiting for a receiver, up to its capacity.
 */
public interface Buffered {

    /**
     * A new, empty channel with room for {@code capacity} values: that many
     * sends return at once, the next one blocks until a receive.
     *
     * @param capacity 1 or more
     */
    <T> Channel<T> newChannel(int capacity);

    /**
     * Runs every source at once, each on its own new thread that sends the
     * source's result into a channel from {@link #newChannel}; returns the
     * first result to arrive, without waiting for the slower sources. Every
     * source thread must still end soon after its source returns, though
     * nobody receives its result: none may stay blocked on a send.
     *
     * @param sources one or more; each returns normally, some after a while
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    <T> T first(List<Supplier<T>> sources) throws InterruptedException;
}
