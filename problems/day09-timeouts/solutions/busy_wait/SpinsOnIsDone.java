package katas.day09.solutions.busy_wait;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import katas.day09.Timeouts;

/** Right answers at the right times, but it waits by asking isDone() in a loop against the clock. */
public final class SpinsOnIsDone implements Timeouts {
    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        FutureTask<T> task = new FutureTask<>(producer);
        Thread.ofVirtual().start(task);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!task.isDone() && System.nanoTime() < deadline) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Thread.onSpinWait();
            }
            return task.isDone() ? Optional.of(task.get()) : Optional.empty();
        } finally {
            task.cancel(true);
        }
    }
}
