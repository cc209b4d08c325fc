package katas.day12.solutions.thread_leak;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/** Waits until every job has run, but never shuts the pool down: its 5 idle threads live on. */
public final class PoolNeverShutDown implements WorkerPool {
    @Override
    public void process(int jobs, IntConsumer job) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CountDownLatch done = new CountDownLatch(jobs);
        for (int i = 0; i < jobs; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    job.accept(n);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }
}
