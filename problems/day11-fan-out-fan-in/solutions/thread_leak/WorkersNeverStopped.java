package katas.day11.solutions.thread_leak;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/**
 * Gathers every result, then returns without telling the workers that the
 * jobs are over (Go's forgotten close(jobs)): 5 threads wait in take() forever.
 */
public final class WorkersNeverStopped implements FanOutFanIn {
    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results)
            throws InterruptedException {
        BlockingQueue<Integer> jobs = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        for (int w = 0; w < WORKERS; w++) {
            Thread.ofPlatform().start(() -> {
                try {
                    while (true) {
                        done.put(work.applyAsInt(jobs.take()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        jobs.addAll(tasks);
        for (int i = 0; i < tasks.size(); i++) {
            results.accept(done.take());
        }
    }
}
