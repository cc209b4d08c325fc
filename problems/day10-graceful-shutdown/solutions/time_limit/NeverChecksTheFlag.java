package katas.day10.solutions.time_limit;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/** Sets a flag the loop never reads: the loop polls on forever and stop() waits for it forever. */
public final class NeverChecksTheFlag implements GracefulWorker {

    private volatile boolean running = true;
    private Thread loop;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        loop = Thread.ofPlatform().start(() -> {
            try {
                while (true) { // should be while (running)
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
        loop.join();
    }
}
