package katas.day06.solutions.accepted;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import katas.day06.ProducerConsumer;
import katas.day06.ReceivePort;
import katas.day06.SendPort;

/**
 * A bounded queue split into its two ends with method references: the
 * producer runs on a virtual thread and sees only {@code put}, the consumer
 * runs on the caller and sees only {@code take}.
 */
public final class Reference implements ProducerConsumer {

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
            Future<?> producer = stages.submit(() -> {
                produce(count, make, channel::put);
                return null;
            });
            try {
                consume(count, channel::take, use);
            } catch (InterruptedException | RuntimeException e) {
                producer.cancel(true); // else close() would wait for a producer stuck on a full channel
                throw e;
            }
        } // close() waits for the producer, which has sent its last item by now
    }
}
