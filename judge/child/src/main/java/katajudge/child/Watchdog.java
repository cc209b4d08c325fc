package katajudge.child;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Event;
import katajudge.protocol.Policy;
import katajudge.protocol.ThreadSnapshot;
import katajudge.runtime.JdkThreads;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;

/**
 * The judge's own thread in the child. Every few milliseconds it looks at the
 * current phase and the threads in it, and stops the run on:
 * <ul>
 *   <li><b>timeout</b>: the phase ran past its limit;</li>
 *   <li><b>deadlock</b> ({@link DeadlockDetector});</li>
 *   <li><b>thread bombs</b>: live learner threads past the cap ({@link ThreadCapDetector}).</li>
 * </ul>
 * It also reports, without stopping, learner threads that burn CPU while the
 * kata expects them to wait ({@link BusyWaitDetector}), and phases with more
 * threads than the kata allows. The detectors decide from {@link ThreadSample}s;
 * this class keeps the tick loop and turns the live threads into samples and
 * the detectors' findings into events.
 */
final class Watchdog implements Runnable {

    private final FindingSink run;
    private final long tickMs;
    private final DeadlockDetector deadlock;
    private final BusyWaitDetector busyWait;
    private final ThreadCapDetector threadCap;
    private final Policy policy;
    private final boolean detectDeadlock;
    private final boolean detectBusyWait;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    private volatile Phase phase;
    /** How late (ms) the watchdog's ticks run, smoothed: a measure of how overloaded the machine is. */
    private volatile long lateness;

    /**
     * @param policy           the judge's windows, scaled by its limit factor
     * @param deadlockWindowMs the deadlock window (the policy's for a test or for a program), 0: off
     * @param busyShare        the CPU share above which a thread spins, 0: off
     * @param threadCap        live learner threads at which the run is stopped
     */
    Watchdog(FindingSink run, Policy policy, long deadlockWindowMs, double busyShare, int threadCap) {
        this.run = run;
        this.tickMs = policy.watchdogTickMs();
        this.policy = policy;
        this.deadlock = new DeadlockDetector(deadlockWindowMs, policy);
        this.busyWait = new BusyWaitDetector(policy.busyStreakMs(), busyShare);
        this.threadCap = new ThreadCapDetector(threadCap);
        this.detectDeadlock = deadlockWindowMs > 0;
        this.detectBusyWait = busyShare > 0;
    }

    /**
     * The watchdog of a kata's judging: the windows of the config's policy
     * (scaled by the judge's limit factor in the parent), its thread cap and
     * the kata's thread limit.
     */
    static Watchdog forKata(FindingSink run, ChildConfig config) {
        Watchdog w = new Watchdog(run, config.policy(), config.deadlockWindowMs(), config.busyWaitShare(),
                config.threadCap());
        w.reportAbove(config.threadLimit());
        return w;
    }

    DeadlockDetector deadlock() {
        return deadlock;
    }

    BusyWaitDetector busyWait() {
        return busyWait;
    }

    /** Reports, once per test, more live learner threads than {@code limit} (with a sample): 0 turns it off. */
    void reportAbove(int limit) {
        threadCap.reportAbove(limit);
    }

    void enter(Phase p) {
        synchronized (this) {
            deadlock.reset();
            busyWait.reset();
            threadCap.reset();
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
     * Ticks every {@code tickMs} by the clock: learner code can reach every
     * thread, so an interrupt only cuts a sleep short and the loop sleeps
     * again until the tick's deadline; a stream of interrupts cannot skip a tick.
     */
    @Override
    public void run() {
        long next = System.nanoTime() + tickMs * 1_000_000L;
        while (true) {
            sleepUntil(next);
            long late = (System.nanoTime() - next) / 1_000_000;
            next = Math.max(next + tickMs * 1_000_000L, System.nanoTime());
            lateness = lateness * 7 / 8 + Math.max(0, late) / 8;
            tick();
        }
    }

    /** One look at the current phase, if one is open (the tests of a phase's entry call it themselves). */
    void tick() {
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
        List<TrackedThread> live = ThreadRegistry.live();
        List<ThreadSample> samples = new ArrayList<>(live.size());
        for (TrackedThread r : live) {
            // CPU time is read only where a spin can be judged: RUNNABLE platform threads, busy waiting on.
            samples.add(ThreadSample.of(r, p, detectBusyWait ? t -> mx.getThreadCpuTime(t.threadId()) : null));
        }
        LiveProbe probe = new LiveProbe(live);
        ThreadCapDetector.Decision count = threadCap.observe(ThreadRegistry.learnerLive(),
                ThreadRegistry.jdkHelpersLive(), samples);
        if (count instanceof ThreadCapDetector.Stop stop) {
            run.abort(new Event.TooManyThreads(p.name(), stop.live(), stop.cap(), probe.snapshots(stop.sample()),
                    stop.jdkHelpers()));
            return;
        }
        if (count instanceof ThreadCapDetector.Over over) {
            run.report(new Event.OverThreadLimit(p.name(), over.live(), over.limit(), probe.snapshots(over.sample())));
        }
        long now = System.nanoTime();
        if (detectDeadlock) {
            DeadlockDetector.Found d = deadlock.observe(now, samples, p.startNanos() + p.limitMs() * 1_000_000L,
                    lateness, probe);
            if (d != null) {
                run.abort(new Event.Deadlock(p.name(), d.summary(), d.cycle(), probe.snapshots(d.threads())));
            }
        }
        if (detectBusyWait) {
            for (BusyWaitDetector.Found b : busyWait.observe(now, samples, policy.lateAllowanceMs(lateness), probe)) {
                run.report(new Event.BusyWait(p.name(), b.cpuShare(), b.windowMs(), Snapshots.of(probe.record(b.thread()))));
            }
        }
    }

    /** The probe on the live threads of one tick. */
    private static final class LiveProbe implements ThreadProbe {

        private final List<TrackedThread> live;
        /** Built on the first question: most ticks ask none (thousands of threads, every 20 ms). */
        private Map<Long, TrackedThread> byId;

        LiveProbe(List<TrackedThread> live) {
            this.live = live;
        }

        private TrackedThread get(long id) {
            if (byId == null) {
                byId = new HashMap<>();
                for (TrackedThread r : live) {
                    byId.put(r.id, r);
                }
            }
            return byId.get(id);
        }

        TrackedThread record(ThreadSample s) {
            return get(s.id());
        }

        List<ThreadSnapshot> snapshots(List<ThreadSample> samples) {
            return samples.stream().map(this::record).map(Snapshots::of).toList();
        }

        @Override
        public boolean runsLearnerCode(long threadId) {
            TrackedThread r = get(threadId);
            return r != null && Watchdog.runsLearnerCode(r.thread);
        }

        @Override
        public Holder holderOf(long threadId) {
            TrackedThread r = get(threadId);
            Thread holder = r == null ? null : Snapshots.holderOf(r.thread);
            return holder == null ? null : new Holder(holder.threadId(), holder.getName(), holder.isAlive());
        }

        /**
         * JDK workers outside the scope that may still wake a waiting thread:
         * the common pool running a task (CompletableFuture, parallel streams),
         * and its timer holding a pending timeout.
         */
        @Override
        public boolean jdkWorkersBusy() {
            ForkJoinPool common = ForkJoinPool.commonPool();
            if (common.getActiveThreadCount() > 0 || common.hasQueuedSubmissions()) {
                return true;
            }
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (JdkThreads.isCommonDelayScheduler(t) && t.getState() == Thread.State.TIMED_WAITING) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether the innermost frame that is not the JDK's belongs to the submission. */
    private static boolean runsLearnerCode(Thread t) {
        return BusyWaitDetector.spinsInLearnerCode(t.getStackTrace());
    }

    private static List<ThreadSnapshot> snapshotAll() {
        return ThreadRegistry.live().stream().filter(r -> r.thread.isAlive()).map(Snapshots::of).toList();
    }
}
