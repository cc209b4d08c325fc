package katas.day05.solutions.deadlock;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day05.WaitAll;

/** Counts down after the task, not in finally: a task that throws never counts down and await() waits forever. */
public final class CountDownOnlyOnSuccess implements WaitAll {
    @Override
    public int runAll(List<Runnable> tasks) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks.size());
        AtomicInteger failed = new AtomicInteger();
        for (Runnable task : tasks) {
            Thread.ofVirtual().start(() -> {
                try {
                    task.run();
                    done.countDown();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            });
        }
        done.await();
        return failed.get();
    }
}
