package katas.day22;

import java.time.Duration;

/**
 * Day 22: re-implement {@code time.Sleep}. Pause the calling thread for a
 * duration without {@code Thread.sleep} or {@code TimeUnit.sleep} (the
 * judge refuses them): by waiting, with a deadline, for something that
 * never comes.
 */
public interface Sleeper {

    /**
     * Go's {@code time.Sleep(d)}, with Java's interruption: blocks the calling
     * thread for at least {@code d}, and not much longer.
     *
     * <ul>
     *   <li>Returns no sooner than {@code d} after it was called, whatever
     *       wakes the thread up early (a spurious wake-up, a stray
     *       {@code LockSupport.unpark}): waking up is not the same as the
     *       time being up. Precision is the nanosecond: 900 µs is not 0 ms.</li>
     *   <li>A zero or negative {@code d} returns at once.</li>
     *   <li>Interrupted while sleeping (or already interrupted when called,
     *       for a positive {@code d}): throws {@link InterruptedException}
     *       promptly, with the thread's interrupt status cleared, like
     *       {@code Thread.sleep}.</li>
     *   <li>Waits by blocking, never by spinning, and keeps no thread: on a
     *       platform thread or a virtual one, a thousand sleepers at once
     *       cost nothing but memory.</li>
     * </ul>
     *
     * @param d how long to sleep; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted before or while sleeping
     */
    void sleep(Duration d) throws InterruptedException;
}
