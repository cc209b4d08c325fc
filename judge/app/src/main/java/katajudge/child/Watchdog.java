package katajudge.child;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import katajudge.protocol.Event;
import katajudge.protocol.Policy;
import katajudge.protocol.ThreadSnapshot;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;

/**
 * The judge's own thread in the child. Every few milliseconds it looks at the
 * current phase and the threads in it, and stops the run on:
 * <ul>
 *   <li><b>timeout</b>: the phase ran past its limit;</li>
 *   <li><b>deadlock</b>, Go style: every thread in scope (the test thread, the
 *       learner's threads, the test's helpers) waits without a timeout, no
 *       JDK worker that could wake them is busy, and nothing moved for a
 *       window. This catches queue, latch and future waits, not only lock
 *       cycles, for virtual threads too;</li>
 *   <li><b>thread bombs</b>: live learner threads past the cap.</li>
 * </ul>
 * It also reports, without stopping, learner threads that burn CPU while the
 * kata expects them to wait (busy waiting).
 */
final class Watchdog implements Runnable {

    private static final long TICK_MS = Policy.DEFAULT.watchdogTickMs();
    /** How long a thread must stay RUNNABLE in learner code, using CPU, to be called spinning. */
    private static final long BUSY_STREAK_MS = Policy.DEFAULT.busyStreakMs();

    private final FindingSink run;
    private final long deadlockWindowMs;
    private final double busyShare;
    private final int threadCap;
    /** Live learner threads above which a test is reported once (0: never); the run goes on. */
    private volatile int threadLimit;
    private Phase reportedOverLimit;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    private volatile Phase phase;
    /** How late (ms) the watchdog's ticks run, smoothed: a measure of how overloaded the machine is. */
    private volatile long lateness;
    private long asleepSince;
    private long asleepSignature;
    /** Per thread: when its current RUNNABLE stretch began, and its CPU time then. */
    private final Map<Long, long[]> streaks = new HashMap<>();
    private final Set<Long> flaggedBusy = new HashSet<>();

    Watchdog(FindingSink run, long deadlockWindowMs, double busyShare, int threadCap) {
        this.run = run;
        this.deadlockWindowMs = deadlockWindowMs;
        this.busyShare = busyShare;
        this.threadCap = threadCap;
    }

    /** Reports, once per test, more live learner threads than {@code limit} (with a sample): 0 turns it off. */
    void reportAbove(int limit) {
        threadLimit = limit;
    }

    void enter(Phase p) {
        synchronized (this) {
            asleepSince = 0;
            streaks.clear();
            flaggedBusy.clear();
            phase = p;
        }
    }

    void leave() {
        phase = null;
    }

    Thread start() {
        Thread t = new Thread(this, "judge-watchdog");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
        return t;
    }

    /**
     * Ticks every {@link #TICK_MS} by the clock: learner code can reach every
     * thread, so an interrupt only cuts a sleep short and the loop sleeps
     * again until the tick's deadline; a stream of interrupts cannot skip a tick.
     */
    @Override
    public void run() {
        long next = System.nanoTime() + TICK_MS * 1_000_000L;
        while (true) {
            sleepUntil(next);
            long late = (System.nanoTime() - next) / 1_000_000;
            next = Math.max(next + TICK_MS * 1_000_000L, System.nanoTime());
            lateness = lateness * 7 / 8 + Math.max(0, late) / 8;
            try {
                Phase p = phase;
                if (p != null) {
                    synchronized (this) {
                        if (p == phase) {
                            tick(p);
                        }
                    }
                }
            } catch (Throwable t) {
                run.fault("watchdog failed: " + t);
            }
        }
    }

    /** Sleeps until {@code deadline} (System.nanoTime), whatever interrupts arrive meanwhile. */
    static void sleepUntil(long deadline) {
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                // not ours to obey: sleep on to the deadline
            }
        }
    }

    private void tick(Phase p) {
        if (p.elapsedMs() > p.limitMs()) {
            run.abort(new Event.Timeout(p.name(), p.elapsedMs(), p.limitMs(), snapshotAll()));
            return;
        }
        int live = ThreadRegistry.learnerLive();
        if (live > threadCap) {
            List<ThreadSnapshot> sample = ThreadRegistry.live().stream()
                    .filter(r -> r.owner == TrackedThread.Owner.LEARNER && !r.retired()).limit(5)
                    .map(Snapshots::of).toList();
            run.abort(new Event.TooManyThreads(p.name(), live, threadCap, sample));
            return;
        }
        if (threadLimit > 0 && live > threadLimit && reportedOverLimit != p) {
            reportedOverLimit = p;
            run.report(new Event.OverThreadLimit(p.name(), live, threadLimit, ThreadRegistry.live().stream()
                    .filter(r -> r.owner == TrackedThread.Owner.LEARNER && !r.retired() && r.thread.isAlive())
                    .limit(5).map(Snapshots::of).toList()));
        }
        if (deadlockWindowMs > 0) {
            checkDeadlock(p);
        }
        if (busyShare > 0) {
            checkBusyWaiting(p);
        }
    }

    // ------------------------------------------------------------------ deadlock

    private void checkDeadlock(Phase p) {
        // In scope: the test thread, the learner's threads, and threads the test started during this phase
        // (a helper left over from an earlier test must not hide this one's deadlock).
        List<TrackedThread> scope = ThreadRegistry.live().stream().filter(r -> r.thread.isAlive())
                .filter(r -> r.owner == TrackedThread.Owner.LEARNER || r.thread == p.root()
                        || r.startedDuring.equals(p.name()))
                .toList();
        long limitAt = p.startNanos() + p.limitMs() * 1_000_000L;
        boolean asleep = !scope.isEmpty() && scope.stream().allMatch(r -> isAsleep(r, limitAt))
                && scope.stream().anyMatch(r -> r.thread == p.root()) && !jdkWorkersBusy();
        if (!asleep) {
            asleepSince = 0;
            return;
        }
        long signature = 17;
        for (TrackedThread r : scope) {
            signature = signature * 31 + r.id;
            signature = signature * 31 + r.progress();
        }
        long now = System.nanoTime();
        if (asleepSince == 0 || signature != asleepSignature) {
            asleepSince = now;
            asleepSignature = signature;
            return;
        }
        // On an overloaded machine a thread that was just woken may wait long for a core and still look
        // asleep: the window grows with how late the watchdog's own ticks run.
        long window = deadlockWindowMs + Policy.DEFAULT.lateAllowanceMs(lateness);
        if ((now - asleepSince) / 1_000_000 >= window) {
            List<ThreadSnapshot> threads = scope.stream().map(Snapshots::of).toList();
            List<String> cycle = waitForCycle(scope);
            boolean timed = scope.stream().anyMatch(r -> r.thread.getState() == Thread.State.TIMED_WAITING);
            String deadOwner = deadOwner(scope);
            String summary = "all threads are asleep - deadlock! " + scope.size() + " thread"
                    + (scope.size() == 1 ? " waits" : "s wait") + " forever"
                    + (timed ? " (or past the time limit)" : "")
                    + (!cycle.isEmpty() ? ": lock cycle " + String.join(" -> ", cycle)
                    : deadOwner != null ? ": " + deadOwner
                    : " and none holds what another needs: a missing signal, close, countDown or send");
            run.abort(new Event.Deadlock(p.name(), summary, cycle, threads));
        }
    }

    /**
     * Asleep: waiting without a timeout, or with one that ends after the
     * phase's time limit (ExecutorService.close waits a day "with a timeout";
     * such a wait cannot end in time, so it counts as forever).
     */
    private static boolean isAsleep(TrackedThread r, long limitAt) {
        Thread.State s = r.thread.getState();
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED
                || s == Thread.State.TIMED_WAITING && r.waitKind() != null && r.waitUntilNanos() - limitAt > 0;
    }

    /**
     * JDK workers outside the scope that may still wake a waiting thread:
     * the common pool running a task (CompletableFuture, parallel streams),
     * and the delay scheduler holding a pending timeout.
     */
    private static boolean jdkWorkersBusy() {
        ForkJoinPool common = ForkJoinPool.commonPool();
        if (common.getActiveThreadCount() > 0 || common.hasQueuedSubmissions()) {
            return true;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (ThreadRegistry.isCommonDelayScheduler(t) && t.getState() == Thread.State.TIMED_WAITING) {
                return true;
            }
        }
        return false;
    }

    /** A lock whose holder has ended (it never unlocked, say on an exception): who waits for it, or null. */
    private static String deadOwner(List<TrackedThread> scope) {
        for (TrackedThread r : scope) {
            Thread holder = Snapshots.holderOf(r.thread);
            if (holder != null && !holder.isAlive()) {
                return "'" + r.thread.getName() + "' waits for a lock held by '" + holder.getName()
                        + "', a dead owner: that thread ended without unlocking it";
            }
        }
        return null;
    }

    /** Follows "waits for a lock held by" edges; returns the first cycle found, as thread names. */
    private static List<String> waitForCycle(List<TrackedThread> scope) {
        Map<Thread, Thread> waitsFor = new HashMap<>();
        for (TrackedThread r : scope) {
            Thread holder = Snapshots.holderOf(r.thread);
            if (holder != null) {
                waitsFor.put(r.thread, holder);
            }
        }
        for (Thread start : waitsFor.keySet()) {
            List<Thread> path = new ArrayList<>();
            Thread at = start;
            while (at != null && !path.contains(at)) {
                path.add(at);
                at = waitsFor.get(at);
            }
            if (at != null) {
                List<String> cycle = new ArrayList<>();
                for (Thread t : path.subList(path.indexOf(at), path.size())) {
                    cycle.add(t.getName());
                }
                cycle.add(at.getName());
                return cycle;
            }
        }
        return List.of();
    }

    // ------------------------------------------------------------------ busy waiting

    /**
     * A thread spins when it stays RUNNABLE, in learner code, for a long
     * stretch ({@link #BUSY_STREAK_MS}) and really uses CPU during it. Both
     * hold on a loaded machine: a spinner is RUNNABLE whether or not it is on
     * a core, and gets at least a slice of one. A thread that blocks leaves
     * RUNNABLE; one blocked in socket I/O is RUNNABLE but uses no CPU; a burst
     * of class loading or library start-up does not last the stretch.
     */
    private void checkBusyWaiting(Phase p) {
        long now = System.nanoTime();
        for (TrackedThread r : ThreadRegistry.liveUnordered()) {
            if (flaggedBusy.contains(r.id)) {
                continue;
            }
            boolean runnable = r.thread.getState() == Thread.State.RUNNABLE;
            long[] streak = streaks.get(r.id);
            if (!runnable) {
                streaks.remove(r.id);
                continue;
            }
            long cpu = r.virtual ? 0 : mx.getThreadCpuTime(r.id);
            if (streak == null) {
                streaks.put(r.id, new long[] {now, cpu});
                continue;
            }
            long wallNanos = now - streak[0];
            if (wallNanos / 1_000_000 < BUSY_STREAK_MS) {
                continue;
            }
            // A virtual thread's CPU is not measurable; RUNNABLE all along is its evidence.
            double share = r.virtual ? 1.0 : (double) (cpu - streak[1]) / wallNanos;
            if (share >= busyShare && runsLearnerCode(r.thread)) {
                flaggedBusy.add(r.id);
                run.report(new Event.BusyWait(p.name(), Math.round(share * 100) / 100.0, wallNanos / 1_000_000,
                        Snapshots.of(r)));
            }
        }
    }

    /** Whether the innermost frame that is not the JDK's belongs to the submission. */
    private static boolean runsLearnerCode(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String loader = e.getClassLoaderName();
            if (loader == null || loader.equals("platform") || loader.equals("app") && isJdk(e.getClassName())) {
                continue;
            }
            return Snapshots.LEARNER_LOADER_NAME.equals(loader);
        }
        return false;
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }

    private static List<ThreadSnapshot> snapshotAll() {
        return ThreadRegistry.live().stream().filter(r -> r.thread.isAlive()).map(Snapshots::of).toList();
    }
}
