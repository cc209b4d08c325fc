package katas.day22.solutions.accepted;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import katas.day22.Sleeper;

/**
 * What a sleep is made of: park until a deadline, in a loop. A park may end
 * early (a spurious wake-up, someone's unpark, an interrupt), so each turn
 * checks the interrupt, then the clock, and parks again for what is left.
 */
public final class Reference implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (!d.isPositive()) {
            return;
        }
        long deadline = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            if (Thread.interrupted()) { // clears the status, as Thread.sleep does when it throws
                throw new InterruptedException("interrupted while sleeping");
            }
            LockSupport.parkNanos(this, left);
        }
    }
}
