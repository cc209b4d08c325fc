package katas.day03.solutions.busy_wait;

import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import katas.day03.Channel;
import katas.day03.Handoff;

/** Sends block properly, but receive() spins on poll() until a sender shows up instead of waiting in take(). */
public final class ReceiverPolls implements Handoff {

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
                T value;
                while ((value = queue.poll()) == null) {
                    Thread.onSpinWait();
                }
                return value;
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
