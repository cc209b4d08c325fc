package katas.day30;

/**
 * Day 30 — your solution. Read problems/day30-rebuild-waitgroup/README.md first.
 *
 * <p>Queues and atomics only: the judge refuses latches, locks, monitors and sleep.
 */
public class MyWaitGroup implements WaitGroup {

    @Override
    public void add(int delta) {
        throw new UnsupportedOperationException("TODO day 30: count, and open the gate when the count reaches zero");
    }

    @Override
    public void done() {
        throw new UnsupportedOperationException("TODO day 30: add(-1)");
    }

    @Override
    public void await() throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 30: block on a queue until the count is zero");
    }
}
