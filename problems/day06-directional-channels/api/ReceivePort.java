package katas.day06;

/**
 * The receive-only end of a channel: what Go writes {@code <-chan T}. A
 * stage that is given a {@code ReceivePort} can take items out and do
 * nothing else.
 *
 * <p>From a {@code BlockingQueue<T> q}, the method reference {@code q::take}
 * is a {@code ReceivePort<T>}.
 *
 * @param <T> the items
 */
@FunctionalInterface
public interface ReceivePort<T> {

    /**
     * Receives the next item, waiting (blocked, not spinning) while the channel is empty.
     *
     * @throws InterruptedException if the receiver is interrupted while waiting
     */
    T receive() throws InterruptedException;
}
