package katas.day10.solutions.wrong_answer;

import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/**
 * Interrupts the loop to wake it from take(), but also when it is busy: the
 * interrupt lands in the handler and cuts the item in flight short.
 */
public final class InterruptsMidItem implements GracefulWorker {

    private volatile boolean running = true;
    private Thread loop;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        loop = Thread.ofPlatform().start(() -> {
            while (running) {
                Integer item;
                try {
                    item = inbox.take();
                } catch (InterruptedException e) {
                    return;
                }
                handler.accept(item);
            }
        });
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        loop.interrupt();
        loop.join();
    }
}
