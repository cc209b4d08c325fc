package katas.day22.solutions.accepted;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import katas.day22.Sleeper;

/**
 * Go's {@code <-time.After(d)}, word for word: a future that completes after
 * d (on the JDK's shared delay scheduler, no thread of ours), and a blocking
 * get() on it. get() waits in a loop and throws InterruptedException.
 */
public final class TimeAfter implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (!d.isPositive()) {
            return;
        }
        CompletableFuture<Void> after = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(d.toNanos(), TimeUnit.NANOSECONDS).execute(() -> after.complete(null));
        try {
            after.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a timer cannot fail", e);
        }
    }
}
