package katas.day03.solutions.thread_leak;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import katas.day03.Channel;
import katas.day03.Handoff;

/** Right hand-off, but the producer runs on a fresh one-thread pool that is never shut down: its idle worker stays alive. */
public final class ExecutorNeverShutDown implements Handoff {

    @Override
    public <T> Channel<T> newChannel() {
        SynchronousQueue<T> queue = new SynchronousQueue<>();
        return new Channel<>() {
            @Override
            public void send(T value) throws InterruptedException {
                queue.put(value);
            }

            @Override
            public T receive() throws InterruptedException {
                return queue.take();
            }
        };
    }

    @Override
    public <T> T receiveFrom(Supplier<T> producer) throws InterruptedException {
        Channel<T> channel = newChannel();
        ExecutorService executor = Executors.newFixedThreadPool(1);
        executor.submit(() -> {
            channel.send(producer.get());
            return null;
        });
        return channel.receive();
    }
}
