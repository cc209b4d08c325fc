package katas.day21.solutions.busy_wait;

import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * One thread, jobs sorted by due time, right answers: but the thread finds
 * out whether the first job is due by asking the clock in a loop, and burns
 * a CPU for as long as the scheduler is open.
 */
public final class SpinsOnTheClock implements Scheduler {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private record Entry(long due, long seq, Runnable task, AtomicInteger state) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    private final ConcurrentSkipListSet<Entry> pending = new ConcurrentSkipListSet<>();
    private volatile boolean open = true;
    private final Thread worker = Thread.ofPlatform().name("scheduler").start(this::work);

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        Entry e = new Entry(System.nanoTime() + delay.toNanos(), SEQUENCE.incrementAndGet(), task, new AtomicInteger());
        pending.add(e);
        return () -> {
            if (!e.state().compareAndSet(0, 2)) {
                return false;
            }
            pending.remove(e);
            return true;
        };
    }

    private void work() {
        while (open) {
            Entry first = pending.isEmpty() ? null : pending.first();
            if (first != null && System.nanoTime() >= first.due()) {
                pending.remove(first);
                if (first.state().compareAndSet(0, 1)) {
                    try {
                        first.task().run();
                    } catch (RuntimeException ignored) {
                        // the scheduler goes on
                    }
                }
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
