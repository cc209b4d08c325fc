package katas.day04;

/**
 * A buffered channel, Go's {@code make(chan T, capacity)}: a FIFO buffer of
 * fixed capacity between senders and receivers.
 *
 * @param <T> the type of the values passed
 */
public interface Channel<T> {

    /**
     * Puts {@code value} in the buffer and returns at once if there is room;
     * when the buffer is full, blocks until a receive makes room.
     *
     * @throws InterruptedException if interrupted while waiting; the value is then not sent
     */
    void send(T value) throws InterruptedException;

    /**
     * Takes the oldest value in the buffer (first in, first out), blocking
     * while the buffer is empty. Each value sent is received exactly once.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    T receive() throws InterruptedException;

    /** How many values are in the buffer right now (Go's {@code len(ch)}). */
    int length();

    /** How many values the buffer holds at most (Go's {@code cap(ch)}). */
    int capacity();
}
