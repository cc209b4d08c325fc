package katas.day01.solutions.wrong_answer;

import katas.day01.Goroutines;

/** Starts every run and returns at once: the caller sees runs still going (Go's classic "main exits first"). */
public final class ForgetsToWait implements Goroutines {
    @Override
    public void runAll(int n, Runnable task) {
        for (int i = 0; i < n; i++) {
            Thread.ofVirtual().start(task);
        }
    }
}
