package katas.day13.solutions.accepted;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import katas.day13.Pipeline;

/**
 * A virtual thread per stage, bounded queues between them, and a message
 * type with its own end-of-stream case: no int value can be mistaken for
 * the end. Each stage forwards End and returns; closing the executor waits
 * for all three.
 */
public final class Reference implements Pipeline {

    /** What travels between stages: a value, or the end of the stream. */
    private sealed interface Message {
        record Value(int v) implements Message {}
        record End() implements Message {}
    }

    private static final int BUFFER = 8;

    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink) {
        BlockingQueue<Message> generated = new ArrayBlockingQueue<>(BUFFER);
        BlockingQueue<Message> squared = new ArrayBlockingQueue<>(BUFFER);
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            stages.submit(() -> {
                while (source.hasNext()) {
                    generated.put(new Message.Value(source.next()));
                }
                generated.put(new Message.End());
                return null;
            });
            stages.submit(() -> {
                while (generated.take() instanceof Message.Value(int v)) {
                    squared.put(new Message.Value(square.applyAsInt(v)));
                }
                squared.put(new Message.End());
                return null;
            });
            stages.submit(() -> {
                while (squared.take() instanceof Message.Value(int v)) {
                    sink.accept(v);
                }
                return null;
            });
        } // close(): waits until the three stages have returned
    }
}
