package katas.day12.solutions.slow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/**
 * Splits the jobs up front into 5 equal slices, one per worker, instead of
 * handing them out as workers get free: when one slice holds the long jobs,
 * the other four workers finish early and sit idle.
 */
public final class StaticSlices implements WorkerPool {
    @Override
    public void process(int jobs, IntConsumer job) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        int slice = (jobs + WORKERS - 1) / WORKERS;
        for (int w = 0; w < WORKERS; w++) {
            int from = w * slice;
            int to = Math.min(jobs, from + slice);
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = from; i < to; i++) {
                    job.accept(i);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
