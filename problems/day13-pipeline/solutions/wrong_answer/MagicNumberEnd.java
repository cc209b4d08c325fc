package katas.day13.solutions.wrong_answer;

import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/** Marks the end of the stream with -1, a value the source may well contain: the stream ends early. */
public final class MagicNumberEnd implements Pipeline {

    private static final int END = -1;

    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink)
            throws InterruptedException {
        BlockingQueue<Integer> generated = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> squared = new LinkedBlockingQueue<>();
        Thread gen = Thread.ofPlatform().start(() -> {
            source.forEachRemaining(generated::add);
            generated.add(END);
        });
        Thread sq = Thread.ofPlatform().start(() -> {
            try {
                for (int v = generated.take(); v != END; v = generated.take()) {
                    squared.add(square.applyAsInt(v));
                }
                squared.add(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread out = Thread.ofPlatform().start(() -> {
            try {
                for (int v = squared.take(); v != END; v = squared.take()) {
                    sink.accept(v);
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
