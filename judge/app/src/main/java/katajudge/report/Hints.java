package katajudge.report;

import java.util.List;
import java.util.Optional;
import katajudge.protocol.ThreadSnapshot;

/**
 * Advice for the threads a report shows, read from their stacks: the usual
 * reasons a thread is left behind or stuck, in the learner's terms.
 */
final class Hints {

    private record Hint(String frame, String advice) {}

    private static final List<Hint> HINTS = List.of(
            new Hint("ThreadPoolExecutor.getTask", "an idle pool worker: the executor was never shut down "
                    + "(use try-with-resources on the ExecutorService, or shutdown() when done)"),
            new Hint("ScheduledThreadPoolExecutor$DelayedWorkQueue.take", "an idle scheduler thread: "
                    + "shut the ScheduledExecutorService down"),
            new Hint("CountDownLatch.await", "waits on a latch: is countDown() called as many times as the count, "
                    + "even when a task fails (finally)?"),
            new Hint("SynchronousQueue", "a hand-off with nobody on the other side: every put needs a take"),
            new Hint("ArrayBlockingQueue.put", "a full queue that nobody drains"),
            new Hint("LinkedBlockingQueue.take", "waits for an item that never comes: send a poison pill or "
                    + "interrupt the consumer when the producer is done"),
            new Hint("ArrayBlockingQueue.take", "waits for an item that never comes: send a poison pill or "
                    + "interrupt the consumer when the producer is done"),
            new Hint("CompletableFuture", "waits on a future nobody completes"),
            new Hint("ReentrantLock", "waits for a lock: look for a thread holding it (held by) and the order "
                    + "in which locks are taken"),
            new Hint("Thread.join", "joins a thread that does not end"));

    private Hints() {}

    static Optional<String> forThread(ThreadSnapshot t) {
        for (Hint h : HINTS) {
            if (t.stack().stream().anyMatch(f -> f.contains(h.frame()))) {
                return Optional.of(h.advice());
            }
        }
        return Optional.empty();
    }
}
