package katas.day01.solutions.thread_leak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day01.Goroutines;

/** Waits for every run, but never shuts its pool down: the pool's threads stay alive, idle, forever. */
public final class PoolNeverShutDown implements Goroutines {
    @Override
    public void runAll(int n, Runnable task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, 16)));
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(task));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
