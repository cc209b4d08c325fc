package katas.day09.solutions.deadlock;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import katas.day09.Timeouts;

/** Forgets the timeout: get() without one waits as long as the producer takes, forever if it never answers. */
public final class TakesWithoutTimeout implements Timeouts {
    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        FutureTask<T> task = new FutureTask<>(producer);
        Thread.ofVirtual().start(task);
        return Optional.of(task.get());
    }
}
