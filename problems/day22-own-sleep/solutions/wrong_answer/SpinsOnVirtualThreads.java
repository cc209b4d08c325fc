package katas.day22.solutions.wrong_answer;

import java.time.Duration;
import katas.day22.Sleeper;

/**
 * Spins on the clock without ever giving the thread up. On a virtual thread
 * that is worse than wasteful: virtual threads are not preempted, so a
 * spinner keeps its carrier, and a thousand sleepers on two carriers sleep
 * one pair after another.
 */
public final class SpinsOnVirtualThreads implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.onSpinWait();
        }
    }
}
