package katas.day04.solutions.accepted;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;

/** ArrayBlockingQueue(capacity) is the buffered channel; first() gives every source a slot of its own. */
public final class Reference implements Buffered {

    @Override
    public <T> Channel<T> newChannel(int capacity) {
        ArrayBlockingQueue<T> queue = new ArrayBlockingQueue<>(capacity);
        return new Channel<>() {
            @Override
            public void send(T value) throws InterruptedException {
                queue.put(value);
            }

            @Override
            public T receive() throws InterruptedException {
                return queue.take();
            }

            @Override
            public int length() {
                return queue.size();
            }

            @Override
            public int capacity() {
                return capacity;
            }
        };
    }

    @Override
    public <T> T first(List<Supplier<T>> sources) throws InterruptedException {
        // Room for every result: the losers' sends return at once, and their threads end.
        Channel<T> results = newChannel(sources.size());
        for (Supplier<T> source : sources) {
            Thread.ofVirtual().start(() -> {
                try {
                    results.send(source.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return results.receive();
    }
}
