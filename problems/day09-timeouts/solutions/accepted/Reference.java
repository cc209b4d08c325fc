package katas.day09.solutions.accepted;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katas.day09.Timeouts;

/**
 * A FutureTask on a virtual thread: get(timeout) is the select with
 * time.After, and cancel(true) in finally interrupts the producer on every
 * way out (timeout, or the caller interrupted); after a value it does nothing.
 */
public final class Reference implements Timeouts {

    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        FutureTask<T> task = new FutureTask<>(producer);
        Thread.ofVirtual().name("producer").start(task);
        try {
            return Optional.of(task.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } finally {
            task.cancel(true); // interrupts the producer if it is still running
        }
    }
}
