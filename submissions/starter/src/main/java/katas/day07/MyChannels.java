package katas.day07;

/**
 * Day 7 — your solution. Read problems/day07-range-over-channel/README.md first.
 *
 * <p>{@code make} must return your own {@link Channel}: a bounded channel
 * that a consumer can range over with for-each until it is closed. Write it
 * as a nested class here (a lock, a queue, a closed flag and conditions; or
 * a poison pill that every receiver passes on).
 */
public class MyChannels implements Channels {

    @Override
    public <T> Channel<T> make(int capacity) {
        throw new UnsupportedOperationException("TODO day 7: return a closeable channel that for-each can range over");
    }
}
