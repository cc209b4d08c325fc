package katas.day07.solutions.deadlock;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import katas.day07.Channel;
import katas.day07.Channels;

/**
 * A poison pill, but only one: the first receiver to take it ends, and every
 * other receiver ranging over the same channel waits for a pill that never
 * comes (Go's close wakes them all).
 */
public final class OnePillForAllReceivers implements Channels {

    private static final Object END = new Object();

    @Override
    public <T> Channel<T> make(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Semaphore room = new Semaphore(capacity);
        return new Channel<>() {
            private boolean closed;

            @Override
            public void send(T item) throws InterruptedException {
                room.acquire();
                synchronized (this) {
                    if (closed) {
                        room.release();
                        throw new IllegalStateException("send on closed channel");
                    }
                    queue.add(item);
                }
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    queue.add(END);
                }
            }

            @Override
            public Iterator<T> iterator() {
                return new Iterator<>() {
                    private Object kept;
                    private boolean ended;

                    @Override
                    public boolean hasNext() {
                        if (kept != null) {
                            return true;
                        }
                        if (ended) {
                            return false;
                        }
                        Object x;
                        try {
                            x = queue.take();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancellationException("interrupted");
                        }
                        if (x == END) {
                            ended = true; // swallowed: no pill left for the others
                            return false;
                        }
                        room.release();
                        kept = x;
                        return true;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public T next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Object item = kept;
                        kept = null;
                        return (T) item;
                    }
                };
            }
        };
    }
}
