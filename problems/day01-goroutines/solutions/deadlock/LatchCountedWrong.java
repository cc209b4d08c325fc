package katas.day01.solutions.deadlock;

import java.util.concurrent.CountDownLatch;
import katas.day01.Goroutines;

/** Counts one more than it starts: await() waits for a countDown that never comes. */
public final class LatchCountedWrong implements Goroutines {
    @Override
    public void runAll(int n, Runnable task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(n + 1);
        for (int i = 0; i < n; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    task.run();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }
}
