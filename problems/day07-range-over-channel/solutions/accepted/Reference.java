package katas.day07.solutions.accepted;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import katas.day07.Channel;
import katas.day07.Channels;

/**
 * A lock, two conditions and a closed flag: close() wakes every waiting
 * receiver with signalAll, and a receiver ends only when the channel is
 * closed and empty.
 */
public final class Reference implements Channels {

    @Override
    public <T> Channel<T> make(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, is " + capacity);
        }
        return new LockedChannel<>(capacity);
    }

    private static final class LockedChannel<T> implements Channel<T> {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();
        private final Condition notFull = lock.newCondition();
        private final ArrayDeque<T> items = new ArrayDeque<>();
        private final int capacity;
        private boolean closed;

        LockedChannel(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public void send(T item) throws InterruptedException {
            Objects.requireNonNull(item, "item");
            lock.lockInterruptibly();
            try {
                while (items.size() == capacity && !closed) {
                    notFull.await();
                }
                if (closed) {
                    throw new IllegalStateException("send on closed channel");
                }
                items.addLast(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
                notEmpty.signalAll(); // every ranging receiver must see the close
                notFull.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** The next item, or null once the channel is closed and empty. */
        private T receive() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (items.isEmpty() && !closed) {
                    notEmpty.await();
                }
                T item = items.pollFirst();
                if (item != null) {
                    notFull.signal();
                }
                return item;
            } finally {
                lock.unlock();
            }
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
                        throw new CancellationException("interrupted while waiting for an item");
                    }
                    ended = kept == null;
                    return !ended;
                }

                @Override
                public T next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException("the channel is closed and empty");
                    }
                    T item = kept;
                    kept = null;
                    return item;
                }
            };
        }
    }
}
