package katas.day03.solutions.deadlock;

import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import katas.day03.Channel;
import katas.day03.Handoff;

/** Produces and sends on the caller's own thread, then receives: the send waits for a receive that can never start. */
public final class SendsOnCallerThread implements Handoff {

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
        channel.send(producer.get());
        return channel.receive();
    }
}
