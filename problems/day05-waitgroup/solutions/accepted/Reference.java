package katas.day05.solutions.accepted;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day05.WaitAll;

/** Go's WaitGroup as a CountDownLatch: one count per task, counted down in finally, awaited once. */
public final class Reference implements WaitAll {
    @Override
    public int runAll(List<Runnable> tasks) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks.size());
        AtomicInteger failed = new AtomicInteger();
        for (Runnable task : tasks) {
            Thread.ofVirtual().start(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown(); // Go's defer wg.Done(): whatever happens
                }
            });
        }
        done.await();
        return failed.get();
    }
}
