package katas.day13.solutions.thread_leak;

import java.util.Iterator;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/**
 * The square stage passes the end-of-stream marker on but does not leave
 * its loop: it waits for a next value that never comes. run() only waits for
 * the last stage, so it returns, and the square thread is left behind.
 */
public final class MiddleStageKeepsWaiting implements Pipeline {
    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink)
            throws InterruptedException {
        BlockingQueue<OptionalInt> generated = new LinkedBlockingQueue<>();
        BlockingQueue<OptionalInt> squared = new LinkedBlockingQueue<>();
        Thread.ofPlatform().start(() -> {
            source.forEachRemaining(v -> generated.add(OptionalInt.of(v)));
            generated.add(OptionalInt.empty());
        });
        Thread.ofPlatform().start(() -> {
            try {
                while (true) {
                    OptionalInt v = generated.take();
                    if (v.isEmpty()) {
                        squared.add(v); // forwards the end... and loops on (should return here)
                        continue;
                    }
                    squared.add(OptionalInt.of(square.applyAsInt(v.getAsInt())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread out = Thread.ofPlatform().start(() -> {
            try {
                for (OptionalInt v = squared.take(); v.isPresent(); v = squared.take()) {
                    sink.accept(v.getAsInt());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        out.join(); // "the last stage is done, so everything is done"
    }
}
