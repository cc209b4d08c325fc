package katas.day10.solutions.wrong_answer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/** Sets the flag and returns at once: the caller goes on while the item in flight is still being handled. */
public final class StopDoesNotWait implements GracefulWorker {

    private volatile boolean running = true;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        Thread.ofPlatform().start(() -> {
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
    public void stop() {
        running = false; // ... and no join(): the loop may still be in the middle of an item
    }
}
