package katas.day10.solutions.thread_leak;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/**
 * Runs the loop as a task on a one-thread pool and waits for the task
 * to end, but never shuts the executor down: the loop ends, its thread does not.
 */
public final class ExecutorNeverShutDown implements GracefulWorker {

    private final ExecutorService executor = Executors.newFixedThreadPool(1);
    private volatile boolean running = true;
    private Future<?> loop;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        loop = executor.submit(() -> {
            try {
                while (running) {
                    Integer item = inbox.poll(20, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        handler.accept(item);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        try {
            loop.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
