package katas.day06.solutions.wrong_answer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import katas.day06.ProducerConsumer;
import katas.day06.ReceivePort;
import katas.day06.SendPort;

/** Adds a second consumer "to go faster": items are used two at a time and finish out of order (FIFO lost). */
public final class TwoConsumers implements ProducerConsumer {

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
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            stages.submit(() -> {
                produce(count, make, channel::put);
                return null;
            });
            stages.submit(() -> {
                consume(count / 2, channel::take, use);
                return null;
            });
            consume(count - count / 2, channel::take, use);
        }
    }
}
