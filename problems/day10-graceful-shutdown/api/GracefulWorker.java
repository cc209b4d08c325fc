package katas.day10;

import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

/**
 * Day 10: done channels and graceful shutdown. A worker loop takes items from
 * an inbox and handles them one at a time, until it is told to stop.
 *
 * <p>One instance is started once and stopped once.
 */
public interface GracefulWorker {

    /**
     * Starts the worker loop on a thread of its own and returns at once. The
     * loop takes items from {@code inbox} in order and passes each one to
     * {@code handler}, one at a time, waiting (without spinning) while the
     * inbox is empty.
     *
     * @param inbox   the caller's queue; the caller keeps putting items into it
     * @param handler the work for one item; it may block (sleep, I/O) for a while
     *                and must not be interrupted
     */
    void start(BlockingQueue<Integer> inbox, IntConsumer handler);

    /**
     * Stops the loop gracefully and returns only once the loop's thread has
     * ended:
     * <ul>
     *   <li>the item being handled when {@code stop} is called, if any, is
     *       finished normally (its handler is not interrupted);</li>
     *   <li>no new item is started after that: items still in the inbox
     *       stay there;</li>
     *   <li>every item the loop took from the inbox has been handled (none
     *       is lost);</li>
     *   <li>an idle loop stops promptly: within 300 ms.</li>
     * </ul>
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void stop() throws InterruptedException;
}
