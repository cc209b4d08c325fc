package katas.day06.solutions.deadlock;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import katas.day06.ProducerConsumer;
import katas.day06.ReceivePort;
import katas.day06.SendPort;

/**
 * Produces on the caller before anyone receives: once the channel is full,
 * the send waits for a consumer that is never started (Go's "all goroutines
 * are asleep").
 */
public final class SendsBeforeReceiving implements ProducerConsumer {

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
        BlockingQueue<T> channel = new ArrayBlockingQueue<>(capacity);
        produce(count, make, channel::put);
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                consume(count, channel::take, use);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.join();
    }
}
