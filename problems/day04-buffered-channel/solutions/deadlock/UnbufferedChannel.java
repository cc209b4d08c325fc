package katas.day04.solutions.deadlock;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;

/** Day 3's channel reused: a SynchronousQueue ignores the capacity, so filling the buffer on one thread waits forever. */
public final class UnbufferedChannel implements Buffered {

    @Override
    public <T> Channel<T> newChannel(int capacity) {
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
