package katas.day03;

import java.util.function.Supplier;

/**
 * Day 3 — your solution. Read problems/day03-unbuffered-channel/README.md first.
 *
 * <p>Build an unbuffered channel on the right JDK type (a send waits until a
 * receiver has taken the value), then use it to bring a value from a new
 * thread back to the caller.
 */
public class MyHandoff implements Handoff {

    @Override
    public <T> Channel<T> newChannel() {
        throw new UnsupportedOperationException("TODO day 3: an unbuffered channel: send waits for a receive");
    }

    @Override
    public <T> T receiveFrom(Supplier<T> producer) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 3: run producer on a new thread, receive its value here");
    }
}
