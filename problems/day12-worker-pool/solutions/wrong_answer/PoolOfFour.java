package katas.day12.solutions.wrong_answer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/** Sizes the pool by hand (one per core, "and a bit") instead of WORKERS: 4 jobs at once, not 5. */
public final class PoolOfFour implements WorkerPool {
    @Override
    public void process(int jobs, IntConsumer job) {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < jobs; i++) {
                int n = i;
                pool.execute(() -> job.accept(n));
            }
        }
    }
}
