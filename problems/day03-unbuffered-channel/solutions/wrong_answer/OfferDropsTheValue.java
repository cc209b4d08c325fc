package katas.day03.solutions.wrong_answer;

import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import katas.day03.Channel;
import katas.day03.Handoff;

/** SynchronousQueue.offer() for send: with no receiver already waiting it returns false at once and the value is lost. */
public final class OfferDropsTheValue implements Handoff {

    @Override
    public <T> Channel<T> newChannel() {
        SynchronousQueue<T> queue = new SynchronousQueue<>();
        return new Channel<>() {
            @Override
            public void send(T value) throws InterruptedException {
                queue.offer(value);
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
        Thread.ofVirtual().start(() -> {
            try {
                channel.send(producer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return channel.receive();
    }
}
