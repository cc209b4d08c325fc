package katas.day01;

/**
 * Day 1 — your solution. Read problems/day01-goroutines/README.md first.
 *
 * <p>This starter is correct but sequential: it runs the task n times, one
 * after another, on the caller's thread. The judge will call it SLOW. Make
 * the runs happen at the same time, and return only when all have finished.
 */
public class MyGoroutines implements Goroutines {

    @Override
    public void runAll(int n, Runnable task) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            task.run();
        }
    }
}
