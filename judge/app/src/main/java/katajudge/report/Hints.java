package katajudge.report;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import katajudge.protocol.ThreadSnapshot;

/**
 * Advice for a waiting thread, read from what it actually waits on: the JDK
 * method its own code called (the outermost JDK frame above the first
 * frame that is not the JDK's). Matching any frame instead misled: a
 * virtual thread's {@code join()} and an executor's {@code close()} wait
 * on a latch inside the JDK, and were told to call {@code countDown()}.
 * A thread with no code of its own on the stack is a pool's idle worker.
 * A running thread gets no wait advice (busy waiting has its own finding).
 */
final class Hints {

    /** A JDK entry point ({@code Class.method}) and what waiting in it usually means. */
    private record Hint(Predicate<String> entry, String advice) {
        static Hint of(String advice, String... methods) {
            return new Hint(m -> List.of(methods).contains(m), advice);
        }
    }

    private static final String CLOSE = "waits for an executor's tasks to end (close() or awaitTermination "
            + "waits for every task): a task that waits forever keeps it waiting; end the task, or call "
            + "shutdownNow() to interrupt the tasks";

    /** By the JDK method the thread's code called. */
    private static final List<Hint> CALLED = List.of(
            Hint.of("joins a thread that does not end: see what that thread waits on", "java.lang.Thread.join"),
            new Hint(m -> m.endsWith(".close") && (m.contains("Executor") || m.contains("ForkJoinPool"))
                    || m.endsWith(".awaitTermination"), CLOSE),
            Hint.of("waits for a permit: is release() called once for every acquire(), in a finally?",
                    "java.util.concurrent.Semaphore.acquire", "java.util.concurrent.Semaphore.acquireUninterruptibly",
                    "java.util.concurrent.Semaphore.tryAcquire"),
            Hint.of("waits on a latch: is countDown() called as many times as the count, even when a task "
                    + "fails (finally)?", "java.util.concurrent.CountDownLatch.await"),
            Hint.of("waits at a barrier or phaser for parties that never arrive: does every party reach it, "
                    + "even when one fails?", "java.util.concurrent.CyclicBarrier.await",
                    "java.util.concurrent.Phaser.awaitAdvance", "java.util.concurrent.Phaser.arriveAndAwaitAdvance",
                    "java.util.concurrent.Phaser.awaitAdvanceInterruptibly"),
            new Hint(m -> m.startsWith("java.util.concurrent.SynchronousQueue."),
                    "a hand-off with nobody on the other side: every put needs a take"),
            new Hint(m -> m.contains("Queue.") && (m.endsWith(".take") || m.endsWith(".poll"))
                    || m.endsWith("Deque.takeFirst") || m.endsWith("Deque.takeLast"),
                    "waits for an item that never comes: send a poison pill when the producer is done, or "
                            + "interrupt the consumer (shutdownNow() does, for a pool's tasks)"),
            new Hint(m -> m.contains("Queue.") && (m.endsWith(".put") || m.endsWith(".offer")
                    || m.endsWith(".transfer")) || m.endsWith("Deque.putFirst") || m.endsWith("Deque.putLast"),
                    "a full queue that nobody drains: is the consumer still running?"),
            Hint.of("waits on a future that is never completed: is the task submitted and does it end (a "
                    + "CompletableFuture needs complete() on every path, failures included)?",
                    "java.util.concurrent.FutureTask.get", "java.util.concurrent.CompletableFuture.get",
                    "java.util.concurrent.CompletableFuture.join", "java.util.concurrent.Future.get",
                    "java.util.concurrent.ForkJoinTask.join", "java.util.concurrent.ForkJoinTask.get"),
            new Hint(m -> m.startsWith("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await")
                    || m.startsWith("java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ConditionObject.await"),
                    "waits on a Condition: is signal() or signalAll() called, under the same lock, after every "
                            + "change it waits for?"),
            Hint.of("waits in Object.wait(): is notifyAll() called, on the same object, after every change it "
                    + "waits for?", "java.lang.Object.wait"),
            new Hint(m -> m.startsWith("java.util.concurrent.locks.Reentrant") && m.contains("lock"),
                    "waits for a lock: look for the thread holding it (held by) and the order in which locks "
                            + "are taken"),
            Hint.of("parked with LockSupport.park(): is unpark() called for this thread?",
                    "java.util.concurrent.locks.LockSupport.park", "java.util.concurrent.locks.LockSupport.parkNanos"));

    /** By a frame of a thread that runs no code of its own: a pool's worker waiting for work. */
    private static final List<Hint> IDLE = List.of(
            Hint.of("an idle scheduler thread: shut the ScheduledExecutorService down when done (shutdownNow() "
                    + "also drops its pending tasks)",
                    "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take"),
            Hint.of("an idle pool worker: the executor was never shut down (use try-with-resources on the "
                    + "ExecutorService, or shutdown() when done)", "java.util.concurrent.ThreadPoolExecutor.getTask"),
            Hint.of("an idle ForkJoinPool worker: close the pool you created when done",
                    "java.util.concurrent.ForkJoinPool.awaitWork"));

    private Hints() {}

    static Optional<String> forThread(ThreadSnapshot t) {
        if ("RUNNABLE".equals(t.state()) || "NEW".equals(t.state()) || "TERMINATED".equals(t.state())) {
            return Optional.empty();
        }
        List<String> stack = t.stack();
        int own = 0;
        while (own < stack.size() && isJdk(stack.get(own))) {
            own++;
        }
        if (own == stack.size() || stack.get(own).startsWith("... ")) {
            return stack.stream().map(Hints::method).flatMap(m -> match(IDLE, m).stream()).findFirst();
        }
        if (own == 0) {
            return "BLOCKED".equals(t.state()) ? Optional.of("waits to enter a synchronized block or method: look "
                    + "for the thread holding the monitor and the order in which monitors are taken")
                    : Optional.empty();
        }
        return match(CALLED, method(stack.get(own - 1)));
    }

    private static Optional<String> match(List<Hint> hints, String method) {
        return hints.stream().filter(h -> h.entry().test(method)).map(Hint::advice).findFirst();
    }

    /** {@code java.lang.Thread.join(Thread.java:2031)} -> {@code java.lang.Thread.join}. */
    private static String method(String frame) {
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }

    private static boolean isJdk(String frame) {
        return frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")
                || frame.startsWith("javax.");
    }
}
