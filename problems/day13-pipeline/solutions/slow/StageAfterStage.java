package katas.day13.solutions.slow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/**
 * A thread per stage, but each stage finishes the whole stream before the
 * next one starts (batch, not pipeline): the stages never overlap.
 */
public final class StageAfterStage implements Pipeline {
    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink)
            throws InterruptedException {
        List<Integer> generated = new ArrayList<>();
        List<Integer> squared = new ArrayList<>();
        Thread gen = Thread.ofPlatform().start(() -> source.forEachRemaining(generated::add));
        gen.join();
        Thread sq = Thread.ofPlatform().start(() -> generated.forEach(v -> squared.add(square.applyAsInt(v))));
        sq.join();
        Thread out = Thread.ofPlatform().start(() -> squared.forEach(sink::accept));
        out.join();
    }
}
