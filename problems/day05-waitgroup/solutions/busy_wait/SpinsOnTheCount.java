package katas.day05.solutions.busy_wait;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day05.WaitAll;

/** Has the right latch, counted down in finally, but polls getCount() in a loop instead of calling await(). */
public final class SpinsOnTheCount implements WaitAll {
    @Override
    public int runAll(List<Runnable> tasks) {
        CountDownLatch done = new CountDownLatch(tasks.size());
        AtomicInteger failed = new AtomicInteger();
        for (Runnable task : tasks) {
            Thread.ofVirtual().start(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        while (done.getCount() > 0) {
            Thread.onSpinWait();
        }
        return failed.get();
    }
}
