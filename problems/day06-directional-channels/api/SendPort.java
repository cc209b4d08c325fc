package katas.day06;

/**
 * The send-only end of a channel: what Go writes {@code chan<- T}. A stage
 * that is given a {@code SendPort} can put items in and do nothing else.
 *
 * <p>From a {@code BlockingQueue<T> q}, the method reference {@code q::put}
 * is a {@code SendPort<T>}.
 *
 * @param <T> the items
 */
@FunctionalInterface
public interface SendPort<T> {

    /**
     * Sends {@code item}, waiting (blocked, not spinning) while the channel is full.
     *
     * @throws InterruptedException if the sender is interrupted while waiting
     */
    void send(T item) throws InterruptedException;
}
