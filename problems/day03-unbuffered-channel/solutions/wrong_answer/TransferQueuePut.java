package katas.day03.solutions.wrong_answer;

import java.util.concurrent.LinkedTransferQueue;
import java.util.function.Supplier;
import katas.day03.Channel;
import katas.day03.Handoff;

/** LinkedTransferQueue filled with put(), which never waits (only transfer() does): an unbounded buffer, not a hand-off. */
public final class TransferQueuePut implements Handoff {

    @Override
    public <T> Channel<T> newChannel() {
        LinkedTransferQueue<T> queue = new LinkedTransferQueue<>();
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
