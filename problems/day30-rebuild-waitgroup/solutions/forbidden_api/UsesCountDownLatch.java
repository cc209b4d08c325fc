package katas.day30.solutions.forbidden_api;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.day30.WaitGroup;

/**
 * Rebuilds the WaitGroup from a CountDownLatch per round: it works, and it
 * is the JDK's own WaitGroup, which the kata asks you to build yourself.
 */
public final class UsesCountDownLatch implements WaitGroup {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<CountDownLatch> round = new AtomicReference<>(new CountDownLatch(0));

    @Override
    public void add(int delta) {
        int before;
        int now;
        do {
            before = count.get();
            now = before + delta;
            if (now < 0) {
                throw new IllegalStateException("negative WaitGroup counter");
            }
        } while (!count.compareAndSet(before, now));
        if (before == 0 && now > 0) {
            round.set(new CountDownLatch(1));
        } else if (now == 0) {
            round.get().countDown();
        }
    }

    @Override
    public void done() {
        add(-1);
    }

    @Override
    public void await() throws InterruptedException {
        round.get().await();
    }
}
