package katas.day22.solutions.busy_wait;

import java.time.Duration;
import katas.day22.Sleeper;

/**
 * Watches the clock until the deadline, yielding between looks: right on
 * time and interruptible, but the "sleeping" thread burns a CPU the whole
 * time (yield lets others run, it does not stop this one).
 */
public final class YieldsUntilDeadline implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.yield();
        }
    }
}
