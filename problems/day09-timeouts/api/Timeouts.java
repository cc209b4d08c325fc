package katas.day09;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Day 9: timeouts. Wait for a slow producer, but not forever, and do not
 * leave it running when you give up.
 */
public interface Timeouts {

    /**
     * Go's {@code select { case v := <-ch: ... case <-time.After(timeout): ... }}
     * where a goroutine computes {@code v}: runs {@code producer} on a thread
     * of its own and waits for its value at most {@code timeout}.
     *
     * <ul>
     *   <li>The value arrives in time: returns it at once (without waiting
     *       for the rest of the timeout).</li>
     *   <li>The timeout passes first: interrupts the producer (it must not
     *       keep running for nobody) and returns {@link Optional#empty()},
     *       no sooner than {@code timeout} and as soon as possible after it.</li>
     *   <li>The producer throws first: throws {@link ExecutionException}
     *       with the producer's exception as its cause.</li>
     *   <li>The caller is interrupted while waiting: interrupts the producer
     *       too, and throws {@link InterruptedException}.</li>
     * </ul>
     * Waiting is blocking, not spinning, and no thread is left behind.
     *
     * @param producer computes the value (never null); it may take a long
     *                 time, or forever, and stops when interrupted
     * @param timeout  how long to wait for the value, positive
     */
    <T> Optional<T> receive(Callable<T> producer, Duration timeout) throws InterruptedException, ExecutionException;
}
