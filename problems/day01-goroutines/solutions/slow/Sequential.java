package katas.day01.solutions.slow;

import katas.day01.Goroutines;

/** The sequential baseline: correct, one run after another on the caller's thread. */
public final class Sequential implements Goroutines {
    @Override
    public void runAll(int n, Runnable task) {
        for (int i = 0; i < n; i++) {
            task.run();
        }
    }
}
