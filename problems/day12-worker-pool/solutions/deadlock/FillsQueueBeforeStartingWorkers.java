package katas.day12.solutions.deadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/**
 * Puts every job into a bounded queue before starting the workers: the 11th
 * put waits for a worker to take a job, and no worker exists yet.
 */
public final class FillsQueueBeforeStartingWorkers implements WorkerPool {

    private static final int NO_MORE = -1;

    @Override
    public void process(int jobs, IntConsumer job) throws InterruptedException {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(10);
        for (int i = 0; i < jobs; i++) {
            queue.put(i);
        }
        for (int w = 0; w < WORKERS; w++) {
            queue.put(NO_MORE);
        }
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = queue.take(); i != NO_MORE; i = queue.take()) {
                        job.accept(i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
