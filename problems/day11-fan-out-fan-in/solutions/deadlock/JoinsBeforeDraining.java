package katas.day11.solutions.deadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day11.FanOutFanIn;

/**
 * Results go through an unbuffered channel (a SynchronousQueue), but the
 * caller waits for the workers to end before reading any result: the workers
 * wait for a reader, the reader waits for the workers.
 */
public final class JoinsBeforeDraining implements FanOutFanIn {

    private static final int NO_MORE = Integer.MIN_VALUE;

    @Override
    public void process(List<Integer> tasks, IntUnaryOperator work, IntConsumer results)
            throws InterruptedException {
        BlockingQueue<Integer> jobs = new LinkedBlockingQueue<>(tasks);
        BlockingQueue<Integer> done = new SynchronousQueue<>();
        for (int w = 0; w < WORKERS; w++) {
            jobs.put(NO_MORE);
        }
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int job = jobs.take(); job != NO_MORE; job = jobs.take()) {
                        done.put(work.applyAsInt(job));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join(); // Go's wg.Wait() before ranging over an unbuffered results channel
        }
        for (Integer r; (r = done.poll()) != null; ) {
            results.accept(r);
        }
    }
}
