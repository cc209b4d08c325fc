package katas.day13.solutions.wrong_answer;

import java.util.Iterator;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/**
 * "Speeds up" the square stage with a virtual thread per value: each puts
 * its square on the next queue when done, so quick values overtake slow ones
 * and the sink gets them out of order.
 */
public final class ConcurrentSquares implements Pipeline {

    private static final OptionalInt END = OptionalInt.empty();

    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink)
            throws InterruptedException {
        BlockingQueue<OptionalInt> generated = new LinkedBlockingQueue<>();
        BlockingQueue<OptionalInt> squared = new LinkedBlockingQueue<>();
        Thread gen = Thread.ofPlatform().start(() -> {
            source.forEachRemaining(v -> generated.add(OptionalInt.of(v)));
            generated.add(END);
        });
        Thread sq = Thread.ofPlatform().start(() -> {
            try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
                for (OptionalInt v = generated.take(); v.isPresent(); v = generated.take()) {
                    int value = v.getAsInt();
                    each.submit(() -> squared.add(OptionalInt.of(square.applyAsInt(value))));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            squared.add(END); // after every square is in: the end still comes last
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
