package katas.day04;

import java.util.List;
import java.util.function.Supplier;

/**
 * Day 4 — your solution. Read problems/day04-buffered-channel/README.md first.
 *
 * <p>Build a buffered channel (capacity sends return at once, the next one
 * waits for a receive), then use one to take the first of several results
 * without leaving the slower senders stuck.
 */
public class MyBuffered implements Buffered {

    @Override
    public <T> Channel<T> newChannel(int capacity) {
        throw new UnsupportedOperationException("TODO day 4: a FIFO channel with room for capacity values");
    }

    @Override
    public <T> T first(List<Supplier<T>> sources) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 4: run every source, return the first result");
    }
}
