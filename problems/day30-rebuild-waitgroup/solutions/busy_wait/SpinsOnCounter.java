package katas.day30.solutions.busy_wait;

import java.util.concurrent.atomic.AtomicInteger;
import katas.day30.WaitGroup;

/**
 * An AtomicInteger and nothing to block on: await loops until the counter
 * reads zero, one CPU per waiter for as long as the tasks run.
 */
public final class SpinsOnCounter implements WaitGroup {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void add(int delta) {
        int before;
        do {
            before = count.get();
            if (before + delta < 0) {
                throw new IllegalStateException("negative WaitGroup counter");
            }
        } while (!count.compareAndSet(before, before + delta));
    }

    @Override
    public void done() {
        add(-1);
    }

    @Override
    public void await() throws InterruptedException {
        while (count.get() > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.onSpinWait();
        }
    }
}
