package katas.day12.solutions.accepted;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/**
 * Java's worker pool is a fixed thread pool: 5 threads share one job queue,
 * and a free thread takes the next job. close() shuts the pool down and
 * waits until every job has run and every thread has ended.
 */
public final class Reference implements WorkerPool {
    @Override
    public void process(int jobs, IntConsumer job) {
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            for (int i = 0; i < jobs; i++) {
                int n = i;
                pool.execute(() -> job.accept(n));
            }
        }
    }
}
