package katas.day06.solutions.busy_wait;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import katas.day06.ProducerConsumer;
import katas.day06.ReceivePort;
import katas.day06.SendPort;

/** Correct and concurrent, but the receive end spins on {@code poll()} instead of blocking on {@code take()}. */
public final class SpinningReceive implements ProducerConsumer {

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
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                produce(count, make, channel::put);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consume(count, () -> {
            T item;
            while ((item = channel.poll()) == null) {
                Thread.onSpinWait();
            }
            return item;
        }, use);
        producer.join();
    }
}
