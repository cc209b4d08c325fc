package katas.day10.solutions.wrong_answer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/** A flag checked between polls of one second: correct, but an idle worker takes up to a second to stop. */
public final class PollsOncePerSecond implements GracefulWorker {

    private volatile boolean running = true;
    private Thread loop;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        loop = Thread.ofPlatform().start(() -> {
            try {
                while (running) {
                    Integer item = inbox.poll(1, TimeUnit.SECONDS);
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
