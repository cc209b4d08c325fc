package katas.day03;

import java.util.function.Supplier;

/**
 * Day 3: channels. Send a value from one thread to another through an
 * unbuffered channel.
 */
public interface Handoff {

    /** A new, empty unbuffered channel (see {@link Channel}: a send waits for a receive). */
    <T> Channel<T> newChannel();

    /**
     * Runs {@code producer} on a new thread, which sends the value it returns
     * through a channel from {@link #newChannel()}; the calling thread receives
     * it and returns it. The producer's thread has ended, or is about to,
     * when this returns.
     *
     * @param producer makes the value; it may take a while, and returns normally
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    <T> T receiveFrom(Supplier<T> producer) throws InterruptedException;
}
