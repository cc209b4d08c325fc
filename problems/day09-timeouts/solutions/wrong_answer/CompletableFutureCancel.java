package katas.day09.solutions.wrong_answer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katas.day09.Timeouts;

/**
 * The classic trap: CompletableFuture.cancel(true) completes the future but
 * does not interrupt the task, which keeps running in the common pool
 * (where no leak check sees it) long after the timeout.
 */
public final class CompletableFutureCancel implements Timeouts {
    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            try {
                return producer.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        try {
            return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true); // "true" is ignored: nothing is interrupted
            return Optional.empty();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }
}
