package katas.day06.solutions.wrong_answer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import katas.day06.ProducerConsumer;
import katas.day06.ReceivePort;
import katas.day06.SendPort;

/** Ignores the capacity: an unbounded queue lets a fast producer run arbitrarily far ahead (no back-pressure). */
public final class UnboundedChannel implements ProducerConsumer {

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
        BlockingQueue<T> channel = new LinkedBlockingQueue<>();
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            stages.submit(() -> {
                produce(count, make, channel::put);
                return null;
            });
            consume(count, channel::take, use);
        }
    }
}
