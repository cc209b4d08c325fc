package katas.day07;

/**
 * Day 7: range over a channel. Go's {@code make(chan T, capacity)}: the
 * learner's class makes channels that a consumer can read with for-each
 * until they are closed.
 */
public interface Channels {

    /**
     * A new, open, empty channel.
     *
     * @param capacity how many sent items it holds before {@code send} waits, 1 or more
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    <T> Channel<T> make(int capacity);
}
