package katas.day06.solutions.accepted;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import katas.day06.ProducerConsumer;
import katas.day06.ReceivePort;
import katas.day06.SendPort;

/** One platform thread per stage, the caller joins both: the classic shape, with narrow ports. */
public final class PlatformThreads implements ProducerConsumer {

    @Override
    public <T> void produce(int count, IntFunction<T> make, SendPort<T> out) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            T item = make.apply(i);
            out.send(item);
        }
    }

    @Override
    public <T> void consume(int count, ReceivePort<T> in, Consumer<T> use) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            T item = in.receive();
            use.accept(item);
        }
    }

    @Override
    public <T> void run(int count, IntFunction<T> make, Consumer<T> use, int capacity) throws InterruptedException {
        BlockingQueue<T> channel = new ArrayBlockingQueue<>(capacity);
        SendPort<T> sendEnd = channel::put;
        ReceivePort<T> receiveEnd = channel::take;
        Thread producer = new Thread(() -> stage(() -> produce(count, make, sendEnd)), "producer");
        Thread consumer = new Thread(() -> stage(() -> consume(count, receiveEnd, use)), "consumer");
        producer.start();
        consumer.start();
        try {
            producer.join();
            consumer.join();
        } finally {
            producer.interrupt(); // no-ops once they have ended; frees them if we were interrupted
            consumer.interrupt();
        }
    }

    private interface Stage {
        void run() throws InterruptedException;
    }

    private static void stage(Stage s) {
        try {
            s.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
