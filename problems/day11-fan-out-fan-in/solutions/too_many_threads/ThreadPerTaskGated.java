package katas.day11.solutions.too_many_threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/**
 * Right results and exactly 5 tasks at once, but not 5 workers: a thread per
 * task, all started up front, and all but 5 of them parked on a semaphore.
 */
public final class ThreadPerTaskGated implements FanOutFanIn {
    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results)
            throws InterruptedException {
        Semaphore permits = new Semaphore(WORKERS);
        BlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int task : tasks) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    permits.acquire();
                    try {
                        done.put(work.applyAsInt(task));
                    } finally {
                        permits.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (int i = 0; i < tasks.size(); i++) {
            results.accept(done.take());
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
