package katas.day01.solutions.accepted;

import java.util.ArrayList;
import java.util.List;
import katas.day01.Goroutines;

/** The classic way: a platform thread per run, then join them all. */
public final class PlatformThreads implements Goroutines {
    @Override
    public void runAll(int n, Runnable task) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(task, "run-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
