package katas.day07.solutions.wrong_answer;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import katas.day07.Channel;
import katas.day07.Channels;

/**
 * "No item right now" taken for "no more items": hasNext() is a poll(), so
 * the loop ends the first time the consumer is faster than the producer,
 * and every later item is lost.
 */
public final class StopsAtFirstEmptyPoll implements Channels {

    @Override
    public <T> Channel<T> make(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        BlockingQueue<T> queue = new ArrayBlockingQueue<>(capacity);
        return new Channel<>() {
            private volatile boolean closed;

            @Override
            public void send(T item) throws InterruptedException {
                if (closed) {
                    throw new IllegalStateException("send on closed channel");
                }
                queue.put(item);
            }

            @Override
            public void close() {
                closed = true;
            }

            @Override
            public Iterator<T> iterator() {
                return new Iterator<>() {
                    private T kept;

                    @Override
                    public boolean hasNext() {
                        if (kept == null) {
                            kept = queue.poll();
                        }
                        return kept != null;
                    }

                    @Override
                    public T next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        T item = kept;
                        kept = null;
                        return item;
                    }
                };
            }
        };
    }
}
