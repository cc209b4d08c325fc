package katas.day13.solutions.slow;

import java.util.Iterator;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/** The sequential baseline: each value goes through all three stages, on the caller's thread, before the next. */
public final class Sequential implements Pipeline {
    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink) {
        while (source.hasNext()) {
            sink.accept(square.applyAsInt(source.next()));
        }
    }
}
