package katas.day09;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Day 9 — your solution. Read problems/day09-timeouts/README.md first.
 *
 * <p>Wait for the producer's value with a deadline, and when you give up,
 * make sure the producer is interrupted (beware: CompletableFuture.cancel
 * does not interrupt anything).
 */
public class MyTimeouts implements Timeouts {

    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("TODO day 9: wait at most timeout for the producer, then cancel it");
    }
}
