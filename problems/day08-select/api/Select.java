package katas.day08;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Day 8: select. Receive from two sources at once, handling each item as
 * soon as it arrives, whichever source it comes from.
 */
public interface Select {

    /**
     * Go's loop over {@code select { case x := <-a: onA(x); case y := <-b: onB(y) }}:
     * receives {@code countA} items from {@code a} and {@code countB} items
     * from {@code b}, and hands each to its handler as soon as it arrives,
     * whichever source is ready first. Items arrive at any pace: one source
     * may be fast and the other slow, and neither may hold up the other.
     *
     * <p>The handlers are called on the calling thread, one at a time (as
     * the body of a Go select loop runs in one goroutine), and each
     * source's items are handled in the order they were put. Waiting is
     * blocking, not spinning. Returns after the last handler call and
     * leaves no thread behind.
     *
     * @param a      the first source; other threads put items into it
     * @param countA how many items to receive from {@code a}, 0 or more
     * @param onA    handles an item of {@code a}
     * @param b      the second source
     * @param countB how many items to receive from {@code b}, 0 or more
     * @param onB    handles an item of {@code b}
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                      BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException;
}
