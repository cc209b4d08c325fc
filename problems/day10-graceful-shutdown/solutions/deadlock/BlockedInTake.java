package katas.day10.solutions.deadlock;

import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/**
 * Checks the flag only between items: an idle loop sits in take() and never
 * sees it, while stop() waits in join() for a loop that never ends.
 */
public final class BlockedInTake implements GracefulWorker {

    private volatile boolean running = true;
    private Thread loop;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        loop = Thread.ofPlatform().start(() -> {
            try {
                while (running) {
                    handler.accept(inbox.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        loop.join();
    }
}
