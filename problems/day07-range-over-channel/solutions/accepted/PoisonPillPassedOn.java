package katas.day07.solutions.accepted;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import katas.day07.Channel;
import katas.day07.Channels;

/**
 * The poison-pill way, done right: close() adds one END marker, and each
 * receiver that takes it puts it back, so every receiver ends. The queue
 * itself is unbounded so close() never blocks; a semaphore bounds the sends.
 */
public final class PoisonPillPassedOn implements Channels {

    private static final Object END = new Object();

    @Override
    public <T> Channel<T> make(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, is " + capacity);
        }
        return new PillChannel<>(capacity);
    }

    private static final class PillChannel<T> implements Channel<T> {
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final Semaphore room;
        private boolean closed; // guarded by this

        PillChannel(int capacity) {
            this.room = new Semaphore(capacity);
        }

        @Override
        public void send(T item) throws InterruptedException {
            Objects.requireNonNull(item, "item");
            room.acquire();
            synchronized (this) { // no item may slip in behind the pill
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
                        throw new CancellationException("interrupted while waiting for an item");
                    }
                    if (x == END) {
                        queue.add(END); // pass the pill on: the next receiver must end too
                        ended = true;
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
                        throw new NoSuchElementException("the channel is closed and empty");
                    }
                    Object item = kept;
                    kept = null;
                    return (T) item;
                }
            };
        }
    }
}
