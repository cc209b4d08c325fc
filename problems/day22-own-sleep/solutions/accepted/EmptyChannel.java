package katas.day22.solutions.accepted;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import katas.day22.Sleeper;

/**
 * A select with nothing but a timeout case: wait, with a deadline, on a
 * channel no one will ever send on. poll(timeout) blocks, loops over early
 * wake-ups itself, and throws InterruptedException.
 */
public final class EmptyChannel implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (d.isPositive()) {
            new SynchronousQueue<Void>().poll(d.toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
