package katas.day01.solutions.too_many_threads;

import java.util.ArrayList;
import java.util.List;
import katas.day01.Goroutines;

/** Starts a second "watcher" thread for every run, each joining its worker: twice the threads needed. */
public final class WatcherPerRun implements Goroutines {
    @Override
    public void runAll(int n, Runnable task) throws InterruptedException {
        List<Thread> watchers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread worker = Thread.ofVirtual().unstarted(task);
            Thread watcher = Thread.ofVirtual().start(() -> {
                worker.start();
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            watchers.add(watcher);
        }
        for (Thread w : watchers) {
            w.join();
        }
    }
}
