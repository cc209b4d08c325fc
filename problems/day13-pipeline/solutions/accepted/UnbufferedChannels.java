package katas.day13.solutions.accepted;

import java.util.Iterator;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/**
 * Go's unbuffered channels: SynchronousQueues hand each value from one
 * platform thread to the next. OptionalInt.empty() is the end of the stream,
 * which no int can be confused with. run() joins the three stages.
 */
public final class UnbufferedChannels implements Pipeline {

    private static final OptionalInt END = OptionalInt.empty();

    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink)
            throws InterruptedException {
        BlockingQueue<OptionalInt> generated = new SynchronousQueue<>();
        BlockingQueue<OptionalInt> squared = new SynchronousQueue<>();
        Thread gen = Thread.ofPlatform().name("gen").start(() -> {
            try {
                while (source.hasNext()) {
                    generated.put(OptionalInt.of(source.next()));
                }
                generated.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread sq = Thread.ofPlatform().name("square").start(() -> {
            try {
                for (OptionalInt v = generated.take(); v.isPresent(); v = generated.take()) {
                    squared.put(OptionalInt.of(square.applyAsInt(v.getAsInt())));
                }
                squared.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread out = Thread.ofPlatform().name("sink").start(() -> {
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
