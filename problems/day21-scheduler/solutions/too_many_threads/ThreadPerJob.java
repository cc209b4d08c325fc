package katas.day21.solutions.too_many_threads;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day21.ScheduledJob;
import katas.day21.Scheduler;

/**
 * A (virtual) thread per job that sleeps for the delay, then runs the task.
 * Right answers, but every waiting job holds a thread: 300 pending jobs are
 * 300 threads, where a timer queue needs one.
 */
public final class ThreadPerJob implements Scheduler {

    /** Each sleeping job's thread and its state: 0 pending, 1 running, 2 cancelled. */
    private final Map<Thread, AtomicInteger> sleepers = new ConcurrentHashMap<>();

    @Override
    public ScheduledJob schedule(Runnable task, Duration delay) {
        AtomicInteger state = new AtomicInteger();
        Thread sleeper = Thread.ofVirtual().unstarted(() -> {
            try {
                Thread.sleep(delay);
                if (state.compareAndSet(0, 1)) {
                    task.run();
                }
            } catch (InterruptedException e) {
                // cancelled or closed
            } finally {
                sleepers.remove(Thread.currentThread());
            }
        });
        sleepers.put(sleeper, state);
        sleeper.start();
        return () -> {
            if (!state.compareAndSet(0, 2)) {
                return false;
            }
            sleeper.interrupt();
            return true;
        };
    }

    @Override
    public void close() {
        // Pending jobs are cancelled; a running one is left to finish.
        sleepers.forEach((thread, state) -> {
            if (state.compareAndSet(0, 2)) {
                thread.interrupt();
            }
        });
    }
}
