package katas.day09.solutions.wrong_answer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import katas.day09.Timeouts;

/** Sleeps the whole timeout, then looks: right answers, but a value ready after 30 ms is returned after the full timeout. */
public final class SleepsThenChecks implements Timeouts {
    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        FutureTask<T> task = new FutureTask<>(producer);
        Thread.ofVirtual().start(task);
        try {
            Thread.sleep(timeout);
            return task.isDone() ? Optional.of(task.get()) : Optional.empty();
        } finally {
            task.cancel(true);
        }
    }
}
