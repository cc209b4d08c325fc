package katas.day09.solutions.wrong_answer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katas.day09.Timeouts;

/**
 * Times out correctly, then walks away: the producer keeps running for
 * nobody (Go's goroutine blocked forever on a send after time.After won).
 */
public final class ForgetsToCancel implements Timeouts {
    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        FutureTask<T> task = new FutureTask<>(producer);
        Thread.ofVirtual().start(task);
        try {
            return Optional.of(task.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }
}
