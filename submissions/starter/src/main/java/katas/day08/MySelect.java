package katas.day08;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Day 8 — your solution. Read problems/day08-select/README.md first.
 *
 * <p>Java has no select: forward each source into one queue of tagged
 * messages (a sealed interface and two records) and switch on what you take.
 */
public class MySelect implements Select {

    @Override
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 8: handle items from a and b as each arrives");
    }
}
