package katas.day04.solutions.accepted;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;

/** What ArrayBlockingQueue does inside: a ring buffer, one lock, a condition for "not full" and one for "not empty". */
public final class RingBuffer implements Buffered {

    private static final class Ring<T> implements Channel<T> {
        private final Object[] slots;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        private int head;
        private int count;

        Ring(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be 1 or more, is " + capacity);
            }
            slots = new Object[capacity];
        }

        @Override
        public void send(T value) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (count == slots.length) {
                    notFull.await();
                }
                slots[(head + count) % slots.length] = value;
                count++;
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T receive() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (count == 0) {
                    notEmpty.await();
                }
                T value = (T) slots[head];
                slots[head] = null;
                head = (head + 1) % slots.length;
                count--;
                notFull.signal();
                return value;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int length() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int capacity() {
            return slots.length;
        }
    }

    @Override
    public <T> Channel<T> newChannel(int capacity) {
        return new Ring<>(capacity);
    }

    @Override
    public <T> T first(List<Supplier<T>> sources) throws InterruptedException {
        Channel<T> results = newChannel(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            Supplier<T> source = sources.get(i);
            Thread.ofPlatform().name("source-" + i).start(() -> {
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
