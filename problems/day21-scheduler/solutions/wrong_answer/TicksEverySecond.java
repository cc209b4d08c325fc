package katas.day21.solutions.wrong_answer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * Cron style: a ticker wakes up once a second and runs whatever is due. It
 * never runs a job early, but up to a second late: a timer should wake up
 * when the earliest job is due, not on a fixed beat.
 */
public final class TicksEverySecond implements Scheduler {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private record Key(long due, long seq) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    private record Entry(Runnable task, AtomicInteger state) {}

    private final ConcurrentSkipListMap<Key, Entry> pending = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    public TicksEverySecond() {
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        Key key = new Key(System.nanoTime() + delay.toNanos(), SEQUENCE.incrementAndGet());
        Entry e = new Entry(task, new AtomicInteger());
        pending.put(key, e);
        return () -> {
            if (!e.state().compareAndSet(0, 2)) {
                return false;
            }
            pending.remove(key);
            return true;
        };
    }

    private void tick() {
        long now = System.nanoTime();
        for (Map.Entry<Key, Entry> due; (due = pending.firstEntry()) != null && due.getKey().due() <= now; ) {
            pending.remove(due.getKey());
            if (due.getValue().state().compareAndSet(0, 1)) {
                try {
                    due.getValue().task().run();
                } catch (RuntimeException ignored) {
                    // the scheduler goes on
                }
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
