package katas.day30.solutions.forbidden_api;

import katas.day30.WaitGroup;

/**
 * The textbook monitor: a synchronized counter, wait() until it is zero,
 * notifyAll() when it gets there. Correct, and not built from queues.
 */
public final class UsesMonitor implements WaitGroup {

    private int count;

    @Override
    public synchronized void add(int delta) {
        if (count + delta < 0) {
            throw new IllegalStateException("negative WaitGroup counter");
        }
        count += delta;
        if (count == 0) {
            notifyAll();
        }
    }

    @Override
    public void done() {
        add(-1);
    }

    @Override
    public synchronized void await() throws InterruptedException {
        while (count > 0) {
            wait();
        }
    }
}
