package katas.day13.solutions.busy_wait;

import java.util.Iterator;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/**
 * Correct and overlapping, but the sink stage polls a non-blocking queue in
 * a loop: while it waits for the next square it burns a whole CPU.
 */
public final class PollingSink implements Pipeline {
    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink)
            throws InterruptedException {
        BlockingQueue<OptionalInt> generated = new LinkedBlockingQueue<>();
        Queue<OptionalInt> squared = new ConcurrentLinkedQueue<>();
        Thread gen = Thread.ofPlatform().start(() -> {
            source.forEachRemaining(v -> generated.add(OptionalInt.of(v)));
            generated.add(OptionalInt.empty());
        });
        Thread sq = Thread.ofPlatform().start(() -> {
            try {
                for (OptionalInt v = generated.take(); v.isPresent(); v = generated.take()) {
                    squared.add(OptionalInt.of(square.applyAsInt(v.getAsInt())));
                }
                squared.add(OptionalInt.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread out = Thread.ofPlatform().start(() -> {
            while (true) {
                OptionalInt v = squared.poll();
                if (v == null) {
                    continue; // nothing yet: ask again, at once
                }
                if (v.isEmpty()) {
                    return;
                }
                sink.accept(v.getAsInt());
            }
        });
        gen.join();
        sq.join();
        out.join();
    }
}
