package katas.day10.solutions.accepted;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/**
 * A volatile flag and a short poll: the loop waits at most 20 ms at a time
 * for an item, so it sees the flag soon after stop() sets it, and it checks
 * the flag only between items, so the item in flight always finishes.
 */
public final class Reference implements GracefulWorker {

    private static final long POLL_MS = 20;

    private volatile boolean running = true;
    private Thread loop;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        loop = Thread.ofPlatform().name("graceful-worker").start(() -> {
            try {
                while (running) {
                    Integer item = inbox.poll(POLL_MS, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        handler.accept(item); // taken means handled, even if stop() came meanwhile
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nobody else interrupts us: just end
            }
        });
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        loop.join();
    }
}
