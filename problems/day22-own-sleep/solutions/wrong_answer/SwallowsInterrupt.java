package katas.day22.solutions.wrong_answer;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import katas.day22.Sleeper;

/**
 * Catches the InterruptedException and goes back to sleep until the deadline:
 * the interrupt is lost, and whoever wanted this thread to stop waits the
 * whole sleep.
 */
public final class SwallowsInterrupt implements Sleeper {
    @Override
    public void sleep(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            try {
                new SynchronousQueue<Void>().poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // "cannot happen": keep sleeping
            }
        }
    }
}
