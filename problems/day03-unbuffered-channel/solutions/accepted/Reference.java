package katas.day03.solutions.accepted;

import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import katas.day03.Channel;
import katas.day03.Handoff;

/** A SynchronousQueue is the unbuffered channel: put waits for a take, take waits for a put. */
public final class Reference implements Handoff {

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
        Thread.ofVirtual().name("producer").start(() -> {
            try {
                channel.send(producer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return channel.receive();
    }
}
