package katas.day10;

import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

/**
 * Day 10 — your solution. Read problems/day10-graceful-shutdown/README.md first.
 *
 * <p>Start a loop on its own thread that takes items from the inbox and hands
 * each to the handler; {@code stop()} lets the item in flight finish, starts
 * no other, and returns once the loop's thread has ended.
 */
public class MyGracefulWorker implements GracefulWorker {

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        throw new UnsupportedOperationException("TODO day 10: start a loop thread that takes items and handles them");
    }

    @Override
    public void stop() throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 10: signal the loop, then wait for its thread to end");
    }
}
