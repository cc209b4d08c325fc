package katas.day03.solutions.wrong_answer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;
import katas.day03.Channel;
import katas.day03.Handoff;

/** A queue of capacity 1 taken for an unbuffered channel: the first send returns at once, with nobody receiving. */
public final class OneSlotQueue implements Handoff {

    @Override
    public <T> Channel<T> newChannel() {
        ArrayBlockingQueue<T> queue = new ArrayBlockingQueue<>(1);
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
