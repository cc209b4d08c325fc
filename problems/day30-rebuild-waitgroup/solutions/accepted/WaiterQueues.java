package katas.day30.solutions.accepted;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day30.WaitGroup;

/**
 * A channel per waiter: await registers a one-slot queue and blocks on it;
 * the add that brings the count to zero drains the registry and sends a
 * token to each. A waiter that registers just after that drain would wait
 * forever, so it checks the count again once registered.
 */
public final class WaiterQueues implements WaitGroup {

    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentLinkedQueue<BlockingQueue<Boolean>> waiters = new ConcurrentLinkedQueue<>();

    @Override
    public void add(int delta) {
        int now;
        while (true) {
            int before = count.get();
            now = before + delta;
            if (now < 0) {
                throw new IllegalStateException("negative WaitGroup counter: " + before + " + " + delta);
            }
            if (count.compareAndSet(before, now)) {
                break;
            }
        }
        if (now == 0) {
            for (BlockingQueue<Boolean> w; (w = waiters.poll()) != null; ) {
                w.offer(true);
            }
        }
    }

    @Override
    public void done() {
        add(-1);
    }

    @Override
    public void await() throws InterruptedException {
        if (count.get() == 0) {
            return;
        }
        BlockingQueue<Boolean> mine = new ArrayBlockingQueue<>(1);
        waiters.add(mine);
        if (count.get() == 0) {
            waiters.remove(mine); // reached zero while we registered: the drain may have missed us
            return;
        }
        mine.take();
    }
}
