package katas.day03.solutions.accepted;

import java.util.concurrent.LinkedTransferQueue;
import java.util.function.Supplier;
import katas.day03.Channel;
import katas.day03.Handoff;

/** LinkedTransferQueue used through transfer(), which waits for a consumer (its put() would not). */
public final class TransferQueue implements Handoff {

    private static final class Unbuffered<T> implements Channel<T> {
        private final LinkedTransferQueue<T> queue = new LinkedTransferQueue<>();

        @Override
        public void send(T value) throws InterruptedException {
            queue.transfer(value);
        }

        @Override
        public T receive() throws InterruptedException {
            return queue.take();
        }
    }

    @Override
    public <T> Channel<T> newChannel() {
        return new Unbuffered<>();
    }

    @Override
    public <T> T receiveFrom(Supplier<T> producer) throws InterruptedException {
        Channel<T> channel = newChannel();
        Thread.ofPlatform().name("producer").start(() -> {
            try {
                channel.send(producer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return channel.receive();
    }
}
