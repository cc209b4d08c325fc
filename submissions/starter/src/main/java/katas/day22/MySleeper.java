package katas.day22;

import java.time.Duration;

/**
 * Day 22 — your solution. Read problems/day22-own-sleep/README.md first.
 *
 * <p>Block until a deadline without Thread.sleep or TimeUnit.sleep (the
 * judge refuses both): wait with a timeout on something that never comes,
 * and remember that a wait can end before its time.
 */
public class MySleeper implements Sleeper {

    @Override
    public void sleep(Duration d) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 22: block for at least d, without Thread.sleep");
    }
}
