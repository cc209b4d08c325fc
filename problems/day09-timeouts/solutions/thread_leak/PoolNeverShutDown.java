package katas.day09.solutions.thread_leak;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katas.day09.Timeouts;

/**
 * Cancels the producer properly, but makes a single-thread pool per call and
 * never shuts it down: its idle worker thread outlives every call.
 */
public final class PoolNeverShutDown implements Timeouts {
    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<T> future = pool.submit(producer);
        try {
            return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } finally {
            future.cancel(true);
        }
    }
}
