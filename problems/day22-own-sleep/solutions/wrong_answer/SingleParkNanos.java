package katas.day22.solutions.wrong_answer;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import katas.day22.Sleeper;

/**
 * Parks once and trusts it: parkNanos may return early (spuriously, or on
 * anyone's unpark), and then the sleep is cut short.
 */
public final class SingleParkNanos implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (!d.isPositive()) {
            return;
        }
        LockSupport.parkNanos(d.toNanos());
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
