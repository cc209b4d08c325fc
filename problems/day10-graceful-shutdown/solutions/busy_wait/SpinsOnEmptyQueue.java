package katas.day10.solutions.busy_wait;

import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/** Correct, but the loop polls the inbox without waiting: an idle worker burns a whole CPU. */
public final class SpinsOnEmptyQueue implements GracefulWorker {

    private volatile boolean running = true;
    private Thread loop;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        loop = Thread.ofPlatform().start(() -> {
            while (running) {
                Integer item = inbox.poll(); // returns null at once when empty: spin, spin, spin
                if (item != null) {
                    handler.accept(item);
                }
            }
        });
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        loop.join();
    }
}
