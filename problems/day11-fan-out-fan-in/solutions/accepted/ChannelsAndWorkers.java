package katas.day11.solutions.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/**
 * Go's shape, written out: a jobs queue read by 5 worker threads (fan-out),
 * one results queue they all write to and only the caller reads (fan-in),
 * one poison pill per worker so that each one leaves once the jobs run out.
 */
public final class ChannelsAndWorkers implements FanOutFanIn {

    /** A job, or the end of the jobs. */
    private sealed interface Job {
        record Task(int value) implements Job {}
        record NoMore() implements Job {}
    }

    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results)
            throws InterruptedException {
        BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(Thread.ofPlatform().name("worker-" + w).start(() -> {
                try {
                    while (jobs.take() instanceof Job.Task(int value)) {
                        done.put(work.applyAsInt(value));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (int task : tasks) {
            jobs.put(new Job.Task(task));
        }
        for (int w = 0; w < WORKERS; w++) {
            jobs.put(new Job.NoMore()); // Go's close(jobs): one pill for each worker
        }
        for (int i = 0; i < tasks.size(); i++) {
            results.accept(done.take()); // only this thread touches the results
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
