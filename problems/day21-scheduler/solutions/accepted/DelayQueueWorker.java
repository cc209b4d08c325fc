package katas.day21.solutions.accepted;

import java.time.Duration;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * Built by hand: a DelayQueue (take() returns the earliest job once it is
 * due, and sleeps until then) and one virtual thread that takes and runs.
 * close() empties the queue and sends a poison pill due at once, so the
 * worker ends after the job it may be running, without an interrupt.
 */
public final class DelayQueueWorker implements Scheduler {

    private final DelayQueue<Entry> queue = new DelayQueue<>();
    private final Thread worker = Thread.ofVirtual().name("scheduler").start(this::work);

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        Entry entry = new Entry(task, System.nanoTime() + delay.toNanos());
        queue.add(entry);
        return entry;
    }

    private void work() {
        while (true) {
            Entry next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next.task == null) {
                return; // the poison pill
            }
            if (next.state.compareAndSet(Entry.PENDING, Entry.RUNNING)) {
                try {
                    next.task.run();
                } catch (RuntimeException e) {
                    // the job failed; the scheduler goes on
                }
            }
        }
    }

    @Override
    public void close() {
        queue.clear();
        queue.add(new Entry(null, System.nanoTime()));
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Entry implements Delayed, ScheduledJob {
        static final int PENDING = 0;
        static final int RUNNING = 1;
        static final int CANCELLED = 2;

        final Runnable task;
        final long dueNanos;
        final AtomicInteger state = new AtomicInteger(PENDING);

        Entry(Runnable task, long dueNanos) {
            this.task = task;
            this.dueNanos = dueNanos;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Entry) other).dueNanos);
        }

        @Override
        public boolean cancel() {
            if (!state.compareAndSet(PENDING, CANCELLED)) {
                return false;
            }
            queue.remove(this);
            return true;
        }
    }
}
