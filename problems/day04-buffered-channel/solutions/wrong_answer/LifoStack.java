package katas.day04.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;

/** A bounded deque used as a stack (putFirst/takeFirst): it blocks at the right time, but hands out the newest value first. */
public final class LifoStack implements Buffered {

    @Override
    public <T> Channel<T> newChannel(int capacity) {
        LinkedBlockingDeque<T> queue = new LinkedBlockingDeque<>(capacity);
        return new Channel<>() {
            @Override
            public void send(T value) throws InterruptedException {
                queue.putFirst(value);
            }

            @Override
            public T receive() throws InterruptedException {
                return queue.takeFirst();
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
