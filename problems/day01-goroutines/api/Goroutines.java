package katas.day01;

/**
 * Day 1: goroutines. Run a task many times, all at once, and come back when
 * every run has finished.
 */
public interface Goroutines {

    /**
     * Runs {@code task} {@code n} times concurrently and returns only after
     * all {@code n} runs have finished. Each run must happen exactly once.
     *
     * @param n    how many times to run the task, 0 or more
     * @param task the work; it may block (sleep, I/O) for a while
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void runAll(int n, Runnable task) throws InterruptedException;
}
