package katas.day01.solutions.busy_wait;

import java.util.concurrent.atomic.AtomicInteger;
import katas.day01.Goroutines;

/** Correct and fast, but the caller spins on a counter instead of blocking until the runs end. */
public final class SpinsUntilDone implements Goroutines {
    @Override
    public void runAll(int n, Runnable task) {
        AtomicInteger finished = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    task.run();
                } finally {
                    finished.incrementAndGet();
                }
            });
        }
        while (finished.get() < n) {
            Thread.onSpinWait();
        }
    }
}
