package katas.day07.solutions.deadlock;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import katas.day07.Channel;
import katas.day07.Channels;

/**
 * close() only sets a flag: a receiver already parked in take() on the empty
 * queue is never woken, and the range loop hangs forever.
 */
public final class CloseDoesNotWakeReceivers implements Channels {

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
                        if (kept != null) {
                            return true;
                        }
                        if (closed && queue.isEmpty()) {
                            return false;
                        }
                        try {
                            kept = queue.take(); // waits forever if the close comes while we wait
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancellationException("interrupted");
                        }
                        return true;
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
