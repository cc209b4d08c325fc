package katas.day04.solutions.thread_leak;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;

/** A right channel, but first() passes results through a SynchronousQueue ("one answer is all I need"): the losers wait forever to send. */
public final class FirstOverUnbuffered implements Buffered {

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
        SynchronousQueue<T> results = new SynchronousQueue<>();
        for (Supplier<T> source : sources) {
            Thread.ofVirtual().start(() -> {
                try {
                    results.put(source.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return results.take();
    }
}
