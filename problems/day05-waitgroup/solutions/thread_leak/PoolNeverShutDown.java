package katas.day05.solutions.thread_leak;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day05.WaitAll;

/** A latch used right, but the tasks run on a fixed pool that is never shut down: its idle workers stay alive. */
public final class PoolNeverShutDown implements WaitAll {
    @Override
    public int runAll(List<Runnable> tasks) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks.size());
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.size()));
        for (Runnable task : tasks) {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return failed.get();
    }
}
