package katajudge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import katajudge.protocol.ThreadSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each hint against a real thread that waits that way, in this JVM (no fork):
 * the thread is started, left to block, and its real stack read as the
 * judge reads it. The misleading hints of before are checked the other way.
 */
class HintsTest {

    private final List<Runnable> cleanup = new ArrayList<>();

    @AfterEach
    void release() {
        cleanup.forEach(Runnable::run);
    }

    @Test
    void joiningAPlatformThreadThatDoesNotEnd() {
        Thread never = daemon(() -> sleepQuietly(60_000));
        assertHint("joins a thread that does not end", daemon(() -> joinQuietly(never)));
    }

    @Test
    void aVirtualThreadJoiningIsAJoinNotALatch() {
        Thread never = Thread.ofVirtual().start(() -> sleepQuietly(60_000));
        cleanup.add(never::interrupt);
        Thread joiner = Thread.ofVirtual().start(() -> joinQuietly(never));
        cleanup.add(joiner::interrupt);
        assertHint("joins a thread that does not end", joiner);
    }

    @Test
    void closingAnExecutorWithATaskThatNeverEndsMentionsShutdownNow() {
        CountDownLatch never = new CountDownLatch(1);
        Thread closer = daemon(() -> {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                pool.submit(() -> { never.await(); return null; });
            }
        });
        cleanup.add(never::countDown);
        String hint = assertHint("waits for an executor's tasks to end", closer);
        assertTrue(hint.contains("shutdownNow()"), hint);
    }

    @Test
    void awaitTerminationIsAnExecutorWait() {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> sleepQuietly(60_000));
        pool.shutdown();
        cleanup.add(pool::shutdownNow);
        assertHint("waits for an executor's tasks to end", daemon(() -> {
            try {
                pool.awaitTermination(1, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    @Test
    void aSemaphoreWaitAsksForRelease() {
        Semaphore none = new Semaphore(0);
        assertHint("waits for a permit", daemon(() -> none.acquireUninterruptibly()));
    }

    @Test
    void aLatchWaitAsksForCountDown() {
        CountDownLatch latch = new CountDownLatch(1);
        cleanup.add(latch::countDown);
        assertHint("waits on a latch", daemon(() -> awaitQuietly(latch)));
    }

    @Test
    void anEmptyQueueAndAFullQueue() {
        LinkedBlockingQueue<Integer> empty = new LinkedBlockingQueue<>();
        String take = assertHint("waits for an item that never comes", daemon(() -> {
            try {
                empty.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(take.contains("shutdownNow()"), take);
        ArrayBlockingQueue<Integer> full = new ArrayBlockingQueue<>(1, false, List.of(1));
        assertHint("a full queue that nobody drains", daemon(() -> {
            try {
                full.put(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    @Test
    void futuresNobodyCompletes() {
        FutureTask<Integer> neverRun = new FutureTask<>(() -> 1);
        assertHint("waits on a future that is never completed", daemon(() -> {
            try {
                neverRun.get();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }));
        CompletableFuture<Integer> never = new CompletableFuture<>();
        cleanup.add(() -> never.complete(0));
        assertHint("waits on a future that is never completed", daemon(never::join));
    }

    @Test
    void aConditionAndAMonitorWait() {
        ReentrantLock lock = new ReentrantLock();
        Condition ready = lock.newCondition();
        assertHint("waits on a Condition", daemon(() -> {
            lock.lock();
            try {
                ready.awaitUninterruptibly();
            } finally {
                lock.unlock();
            }
        }));
        Object monitor = new Object();
        assertHint("waits in Object.wait()", daemon(() -> {
            synchronized (monitor) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
    }

    @Test
    void waitingForALockAndForAMonitor() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        cleanup.add(release::countDown);
        daemon(() -> {
            lock.lock();
            held.countDown();
            awaitQuietly(release);
            lock.unlock();
        });
        held.await();
        assertHint("waits for a lock", daemon(lock::lock));
        Object monitor = new Object();
        CountDownLatch inside = new CountDownLatch(1);
        daemon(() -> {
            synchronized (monitor) {
                inside.countDown();
                awaitQuietly(release);
            }
        });
        inside.await();
        assertHint("waits to enter a synchronized block", daemon(() -> {
            synchronized (monitor) {
                monitor.hashCode();
            }
        }));
    }

    @Test
    void idleWorkersOfAPoolAndOfAScheduler() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1, r -> new Thread(r, "hints-pool"));
        pool.submit(() -> { }).get();
        cleanup.add(pool::shutdownNow);
        assertHint("an idle pool worker", named("hints-pool"));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> new Thread(r, "hints-timer"));
        timer.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).get();
        cleanup.add(timer::shutdownNow);
        String hint = assertHint("an idle scheduler thread", named("hints-timer"));
        assertTrue(hint.contains("shutdownNow()"), hint);
    }

    @Test
    void aSleepingThreadAndASpinningThreadGetNoWaitHint() throws Exception {
        assertEquals(Optional.empty(), Hints.forThread(snapshot(daemon(() -> sleepQuietly(60_000)))));
        ReentrantLock lock = new ReentrantLock();
        Thread spinner = daemon(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (lock.tryLock()) {
                    lock.unlock();
                }
            }
        });
        Thread.sleep(50);
        assertEquals(Optional.empty(), Hints.forThread(snapshot(spinner)));
    }

    // ------------------------------------------------------------------ helpers

    private String assertHint(String start, Thread t) {
        ThreadSnapshot s = snapshot(t);
        Optional<String> hint = Hints.forThread(s);
        assertTrue(hint.isPresent() && hint.get().startsWith(start), () -> "expected a hint starting '" + start
                + "' for " + s.state() + " " + s.stack() + ", got " + hint);
        return hint.get();
    }

    /** The thread as the judge reports it, once it has blocked (or after 5 s, as it is then). */
    private static ThreadSnapshot snapshot(Thread t) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && t.getState() == Thread.State.RUNNABLE
                || t.getState() == Thread.State.NEW) {
            Thread.onSpinWait();
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        sleepQuietly(30);
        List<String> stack = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            stack.add(e.getClassName() + "." + e.getMethodName() + "(" + e.getFileName() + ":" + e.getLineNumber()
                    + ")");
        }
        return new ThreadSnapshot(t.getName(), t.threadId(), t.isVirtual(), "learner", t.getState().name(), null,
                null, null, stack, List.of(), "main", "test");
    }

    private Thread daemon(ThrowingRunnable body) {
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            try {
                body.run();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        });
        cleanup.add(t::interrupt);
        return t;
    }

    private static Thread named(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
