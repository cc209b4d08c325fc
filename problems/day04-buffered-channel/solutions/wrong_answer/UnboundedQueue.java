package katas.day04.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;

/** A LinkedBlockingQueue without a bound: capacity() says 3, but the 4th send (and the 400th) never waits. */
public final class UnboundedQueue implements Buffered {

    @Override
    public <T> Channel<T> newChannel(int capacity) {
        LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
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
