package katas.day06.solutions.thread_leak;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import katas.day06.ProducerConsumer;
import katas.day06.ReceivePort;
import katas.day06.SendPort;

/**
 * The consumer loops forever on {@code take()} and the caller counts uses
 * with a latch: everything arrives, but the consumer thread stays parked on
 * the empty channel after run() returns.
 */
public final class ConsumerNeverStops implements ProducerConsumer {

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
        CountDownLatch used = new CountDownLatch(count);
        Thread.ofVirtual().name("consumer").start(() -> {
            try {
                while (true) {
                    use.accept(channel.take());
                    used.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        produce(count, make, channel::put);
        used.await();
    }
}
