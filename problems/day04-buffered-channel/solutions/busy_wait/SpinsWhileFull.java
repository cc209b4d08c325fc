package katas.day04.solutions.busy_wait;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;

/** Right behaviour, but a send on a full buffer retries offer() in a loop instead of waiting in put(). */
public final class SpinsWhileFull implements Buffered {

    @Override
    public <T> Channel<T> newChannel(int capacity) {
        ArrayBlockingQueue<T> queue = new ArrayBlockingQueue<>(capacity);
        return new Channel<>() {
            @Override
            public void send(T value) throws InterruptedException {
                while (!queue.offer(value)) {
                    Thread.onSpinWait();
                }
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
