package katas.day07;

import java.util.Iterator;

/**
 * A Go channel for Java: bounded, closeable, and rangeable. Sending blocks
 * while it is full; {@code for (T item : channel)} receives items until the
 * channel is closed <em>and</em> every item sent before the close has been
 * received, just like Go's {@code for v := range ch}.
 *
 * <p>Any number of threads may send, and any number may range over the
 * same channel at once: each item goes to exactly one of them.
 *
 * @param <T> the items (never null)
 */
public interface Channel<T> extends Iterable<T>, AutoCloseable {

    /**
     * Sends {@code item}, waiting (blocked, not spinning) while the channel
     * holds {@code capacity} items.
     *
     * @throws IllegalStateException if the channel is closed (Go panics: "send on closed channel")
     * @throws InterruptedException  if the sender is interrupted while waiting
     */
    void send(T item) throws InterruptedException;

    /**
     * Closes the channel: no more sends. Items already sent stay and are
     * still received. Every receiver waiting on an empty channel wakes up and
     * its loop ends. Never blocks, even when the channel is full; closing a
     * closed channel does nothing.
     */
    @Override
    void close();

    /**
     * A receiver. Its {@code hasNext()} waits (blocked, not spinning) until
     * an item is available, and then returns {@code true} and keeps that item
     * for the following {@code next()}; or until the channel is closed and
     * empty, and then returns {@code false}, now and on every later call.
     * {@code next()} returns the kept item (waiting like {@code hasNext()} if
     * none is kept) or throws {@code NoSuchElementException} once the channel
     * is closed and empty. Items come out in the order they were sent.
     *
     * <p>If the receiving thread is interrupted while waiting, its interrupt
     * status is set again and {@code hasNext()} throws
     * {@code java.util.concurrent.CancellationException}.
     */
    @Override
    Iterator<T> iterator();
}
