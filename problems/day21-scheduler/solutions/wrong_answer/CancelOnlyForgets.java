package katas.day21.solutions.wrong_answer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * A DelayQueue and one worker, but cancel() only takes the job off the
 * scheduler's list of pending jobs: the job is still in the queue, and the
 * worker runs it when it falls due.
 */
public final class CancelOnlyForgets implements Scheduler {

    private final DelayQueue<Entry> queue = new DelayQueue<>();
    private final Set<Entry> pending = ConcurrentHashMap.newKeySet();
    private final Thread worker = Thread.ofPlatform().name("scheduler").start(this::work);

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        Entry e = new Entry(task, System.nanoTime() + delay.toNanos());
        pending.add(e);
        queue.add(e);
        return () -> pending.remove(e);
    }

    private void work() {
        while (true) {
            Entry next;
            try {
                next = queue.take();
            } catch (InterruptedException stop) {
                return;
            }
            if (next.task == null) {
                return;
            }
            pending.remove(next);
            try {
                next.task.run();
            } catch (RuntimeException ignored) {
                // the scheduler goes on
            }
        }
    }

    @Override
    public void close() {
        queue.clear();
        pending.clear();
        queue.add(new Entry(null, System.nanoTime()));
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Entry(Runnable task, long due) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(due, ((Entry) o).due);
        }
    }
}
