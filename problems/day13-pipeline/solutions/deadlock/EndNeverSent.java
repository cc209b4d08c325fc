package katas.day13.solutions.deadlock;

import java.util.Iterator;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/**
 * gen returns when the source runs out without sending the end-of-stream
 * marker (Go's forgotten close(out)): square and sink wait for more values
 * forever, and run() waits for them.
 */
public final class EndNeverSent implements Pipeline {
    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink)
            throws InterruptedException {
        BlockingQueue<OptionalInt> generated = new LinkedBlockingQueue<>();
        BlockingQueue<OptionalInt> squared = new LinkedBlockingQueue<>();
        Thread gen = Thread.ofPlatform().start(() ->
                source.forEachRemaining(v -> generated.add(OptionalInt.of(v)))); // ... and no END
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
            try {
                for (OptionalInt v = squared.take(); v.isPresent(); v = squared.take()) {
                    sink.accept(v.getAsInt());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        gen.join();
        sq.join();
        out.join();
    }
}
