package katas.day07.solutions.wrong_answer;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import katas.day07.Channel;
import katas.day07.Channels;

/**
 * Checks "closed?" before "anything left?": once the channel is closed the
 * loop ends, and the items sent before the close but not yet received are
 * lost. A receiver must drain first, then end.
 */
public final class CloseDropsBufferedItems implements Channels {

    @Override
    public <T> Channel<T> make(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        return new Channel<>() {
            private final ArrayDeque<T> items = new ArrayDeque<>();
            private boolean closed;

            @Override
            public synchronized void send(T item) throws InterruptedException {
                while (items.size() == capacity && !closed) {
                    wait();
                }
                if (closed) {
                    throw new IllegalStateException("send on closed channel");
                }
                items.addLast(item);
                notifyAll();
            }

            @Override
            public synchronized void close() {
                closed = true;
                notifyAll();
            }

            private synchronized T receive() throws InterruptedException {
                while (items.isEmpty() && !closed) {
                    wait();
                }
                if (closed) {
                    return null; // the mistake: items may still be waiting
                }
                T item = items.pollFirst();
                notifyAll();
                return item;
            }

            @Override
            public Iterator<T> iterator() {
                return new Iterator<>() {
                    private T kept;
                    private boolean ended;

                    @Override
                    public boolean hasNext() {
                        if (kept != null) {
                            return true;
                        }
                        if (ended) {
                            return false;
                        }
                        try {
                            kept = receive();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancellationException("interrupted");
                        }
                        ended = kept == null;
                        return !ended;
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
