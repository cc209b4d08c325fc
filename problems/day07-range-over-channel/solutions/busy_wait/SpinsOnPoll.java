package katas.day07.solutions.busy_wait;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import katas.day07.Channel;
import katas.day07.Channels;

/** Correct results, but hasNext() spins on poll() and the closed flag instead of blocking until one changes. */
public final class SpinsOnPoll implements Channels {

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
                    private boolean ended;

                    @Override
                    public boolean hasNext() {
                        while (kept == null && !ended) {
                            if (Thread.currentThread().isInterrupted()) {
                                throw new java.util.concurrent.CancellationException("interrupted");
                            }
                            boolean wasClosed = closed; // read before the poll: no item can follow a close
                            kept = queue.poll();
                            if (kept == null && wasClosed) {
                                ended = true;
                            }
                            Thread.onSpinWait();
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
