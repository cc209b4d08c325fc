package katas.day06;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Day 6 — your solution. Read problems/day06-directional-channels/README.md first.
 *
 * <p>This starter is correct but sequential: {@code run} hands each item
 * straight from the producer to the consumer, so one stage always waits for
 * the other. The judge will call it SLOW. Put a bounded channel between the
 * stages, give the producer only its send end and the consumer only its
 * receive end, and run them at the same time.
 */
public class MyProducerConsumer implements ProducerConsumer {

    @Override
    public <T> void produce(int count, IntFunction<T> make, SendPort<T> out) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            out.send(make.apply(i));
        }
    }

    @Override
    public <T> void consume(int count, ReceivePort<T> in, Consumer<T> use) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            use.accept(in.receive());
        }
    }

    @Override
    public <T> void run(int count, IntFunction<T> make, Consumer<T> use, int capacity) throws InterruptedException {
        produce(count, make, use::accept); // the consumer is called directly: no channel, no overlap
    }
}
