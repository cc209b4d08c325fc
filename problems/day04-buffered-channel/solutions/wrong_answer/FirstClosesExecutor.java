package katas.day04.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;

/** Right value, but first() starts the sources in a try-with-resources executor, whose close() waits for the slowest. */
public final class FirstClosesExecutor implements Buffered {

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
        Channel<T> results = newChannel(sources.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Supplier<T> source : sources) {
                executor.submit(() -> {
                    results.send(source.get());
                    return null;
                });
            }
        }
        return results.receive();
    }
}
