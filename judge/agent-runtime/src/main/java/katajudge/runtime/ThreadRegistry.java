package katajudge.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The agent's record of threads: which were started in a judged region,
 * whose they are (the learner's or the judge's), and how many of the
 * learner's are alive. Advice woven into {@code Thread} and
 * {@code VirtualThread} calls {@link #onStart}, {@link #onEnd} and
 * {@link #onUncaught}; the judge's child runner reads the rest. The waits of
 * these threads are kept by {@link ThreadWaits}, who is calling is answered by
 * {@link Callers}, refusals by {@link Refusals}, the agent's own health by
 * {@link AgentHealth}.
 *
 * <p>Nothing is tracked outside a judged region ({@link #beginRegion}), so the
 * JVM's start-up, JUnit's discovery and the judge's own threads cost one
 * volatile read per event. Inside a region, a thread is the learner's when
 * it is started by a learner thread or from code loaded by the learner's
 * class loader; a thread started by test code is the judge's (it still takes
 * part in deadlock detection, but is never blamed). A thread started from a
 * context the registry does not track (a common-pool worker, a JDK thread, a
 * hidden class) is the learner's unless the judge's code starts it: only the
 * JDK's own threads ({@link JdkThreads}) are never counted.
 */
public final class ThreadRegistry {

    private static final int CREATION_FRAMES = 24;
    /** Creation stacks walked in full per parent before sampling starts (one in this many after). */
    static final int FULL_WALKS = 64;

    private static final ConcurrentHashMap<Long, TrackedThread> LIVE = new ConcurrentHashMap<>();
    /**
     * The JDK's own helper threads that start one per learner call (JdkThreads.perCall: a new HttpClient's
     * selector thread, a new Cleaner's thread), started while a region ran, still alive. Never the learner's,
     * but without bound: the thread bomb cap counts them, so a bomb of them stops the run before the
     * machine's limits do.
     */
    private static final java.util.Set<Long> JDK_HELPERS = ConcurrentHashMap.newKeySet();
    private static volatile boolean active;
    private static volatile Thread rootThread;
    private static volatile String phase = "";

    private static final AtomicInteger learnerLive = new AtomicInteger();
    private static final AtomicInteger learnerPeak = new AtomicInteger();
    private static final AtomicInteger learnerPlatformLive = new AtomicInteger();
    private static final AtomicInteger learnerPlatformPeak = new AtomicInteger();
    private static final AtomicInteger runPeak = new AtomicInteger();
    private static final AtomicInteger runPlatformPeak = new AtomicInteger();
    private static final AtomicLong learnerStartedPlatform = new AtomicLong();
    private static final AtomicLong learnerStartedVirtual = new AtomicLong();

    private ThreadRegistry() {}

    // ------------------------------------------------------------------ control, for the runner

    /** Starts tracking: threads started from {@code root} (the test thread) or by learner code are recorded. */
    public static void beginRegion(Thread root, String phaseName) {
        Callers.checkJudgeCaller();
        rootThread = root;
        phase = phaseName;
        // The root gets a record too, so its waits and progress count like any other thread's.
        LIVE.put(root.threadId(), new TrackedThread(root, TrackedThread.Owner.JUDGE, phaseName, List.of(), "-"));
        learnerPeak.set(learnerLive.get());
        learnerPlatformPeak.set(learnerPlatformLive.get());
        active = true;
    }

    /** Stops recording new threads; those already recorded stay until they end. */
    public static void endRegion() {
        Callers.checkJudgeCaller();
        active = false;
        Thread root = rootThread;
        if (root != null) {
            TrackedThread r = LIVE.remove(root.threadId());
            if (r != null) {
                r.forgotten = true;
            }
        }
        rootThread = null;
    }

    /** Whether a judged region is open (new threads are recorded). */
    static boolean tracking() {
        return active;
    }

    /** The record of a thread, or null if it is not tracked. */
    static TrackedThread recordOf(Thread t) {
        return LIVE.get(t.threadId());
    }

    public static String phase() {
        return phase;
    }

    public static Thread rootThread() {
        return rootThread;
    }

    /** Recorded threads that have not ended, oldest first. */
    public static List<TrackedThread> live() {
        return LIVE.values().stream().sorted((a, b) -> Long.compare(a.startedNanos, b.startedNanos))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    public static Collection<TrackedThread> liveUnordered() {
        return LIVE.values();
    }

    /**
     * A leaked thread, already reported: it no longer counts among the
     * learner's live threads (thread cap, later leak checks) but stays in view
     * until it ends. A leaked pool's worker can work again for a later test;
     * forgotten, it would leave that test's waiting thread alone in view, and
     * the test would be called deadlocked while its work is running.
     */
    public static void retire(TrackedThread t) {
        Callers.checkJudgeCaller();
        t.retired = true;
        uncount(t);
    }

    /** Forgets a thread for good: no longer in view at all (judge run drops an abandoned schedule's threads). */
    public static void forget(TrackedThread t) {
        Callers.checkJudgeCaller();
        drop(t);
    }

    private static void drop(TrackedThread t) {
        t.forgotten = true;
        if (LIVE.remove(t.id, t)) {
            uncount(t);
        }
    }

    /** Takes a learner thread out of the live counts, once (it ends, or it is retired, or both). */
    private static void uncount(TrackedThread t) {
        if (t.owner == TrackedThread.Owner.LEARNER && t.counted.compareAndSet(true, false)) {
            learnerLive.decrementAndGet();
            if (!t.virtual) {
                learnerPlatformLive.decrementAndGet();
            }
        }
    }

    public static int learnerPeak() {
        return learnerPeak.get();
    }

    public static int learnerPlatformPeak() {
        return learnerPlatformPeak.get();
    }

    /** The most learner threads alive at once over the whole run (regions do not reset it). */
    public static int learnerPeakOfRun() {
        return runPeak.get();
    }

    public static int learnerPlatformPeakOfRun() {
        return runPlatformPeak.get();
    }

    public static int learnerLive() {
        return learnerLive.get();
    }

    /** The JDK's per-call helper threads started while a region ran and still alive (see {@link #JDK_HELPERS}). */
    public static int jdkHelpersLive() {
        return JDK_HELPERS.size();
    }

    public static long learnerStartedPlatform() {
        return learnerStartedPlatform.get();
    }

    public static long learnerStartedVirtual() {
        return learnerStartedVirtual.get();
    }

    // ------------------------------------------------------------------ called by advice

    /**
     * Thread#start, Thread#start(ThreadContainer), VirtualThread#start(ThreadContainer): before the start.
     *
     * <p>The creation stack is what makes a leak report useful, but walking
     * it costs microseconds: a parent's first {@link #FULL_WALKS} starts are
     * walked, then one in {@link #FULL_WALKS}, and the starts in between
     * reuse the parent's last walked site and ownership (marked as sampled).
     */
    public static void onStart(Thread t) {
        AgentHealth.noteEvent();
        if (!active) {
            return;
        }
        JdkThreads.Rule jdks = JdkThreads.startingJdks(t);
        if (jdks != null) {
            if (JdkThreads.perCall(jdks, t.getName())) {
                JDK_HELPERS.add(t.threadId());
            }
            return;
        }
        ThreadStacks.bound(t); // does nothing where it cannot (judge run); a judging refuses to start there
        Thread parent = Thread.currentThread();
        TrackedThread parentRecord = LIVE.get(parent.threadId());
        List<StackWalker.StackFrame> frames;
        TrackedThread.Owner owner;
        boolean sampled = parentRecord != null && parentRecord.lastOwner != null
                && parentRecord.starts >= FULL_WALKS && parentRecord.starts % FULL_WALKS != 0;
        if (sampled) {
            frames = parentRecord.lastCreationFrames;
            owner = parentRecord.lastOwner;
        } else {
            frames = Callers.WALKER.walk(s -> s
                    .dropWhile(f -> f.getDeclaringClass() == ThreadRegistry.class
                            || (f.getDeclaringClass().getName().startsWith("java.lang.")
                                && f.getMethodName().equals("start")))
                    .limit(CREATION_FRAMES).toList());
            if (parentRecord != null && parentRecord.owner == TrackedThread.Owner.LEARNER) {
                owner = TrackedThread.Owner.LEARNER;
            } else if (Callers.firstCallerIsLearner(frames)) {
                owner = TrackedThread.Owner.LEARNER;
            } else if (parentRecord != null || parent == rootThread) {
                owner = TrackedThread.Owner.JUDGE;
            } else if (Callers.startedByTheJudge()) {
                return; // one of the judge's own untracked threads (its watchdog, its recorder)
            } else {
                // An untracked context with no judge code on it: a common-pool worker or another JDK thread
                // running a completion stage, a hidden class, a method-handle proxy. The learner's code is what
                // runs in a judged region, so the thread counts against the learner's cap and is checked for
                // leaks (left uncounted, 600 threads started this way ran past the cap).
                owner = TrackedThread.Owner.LEARNER;
            }
        }
        if (parentRecord != null) {
            parentRecord.starts++;
            parentRecord.lastCreationFrames = frames;
            parentRecord.lastOwner = owner;
        }
        TrackedThread record = new TrackedThread(t, owner, phase, frames,
                sampled ? parent.getName() + " (creation site sampled)" : parent.getName());
        if (LIVE.putIfAbsent(record.id, record) == null && owner == TrackedThread.Owner.LEARNER) {
            (t.isVirtual() ? learnerStartedVirtual : learnerStartedPlatform).incrementAndGet();
            int live = learnerLive.incrementAndGet();
            learnerPeak.accumulateAndGet(live, Math::max);
            runPeak.accumulateAndGet(live, Math::max);
            if (!t.isVirtual()) {
                int platform = learnerPlatformLive.incrementAndGet();
                learnerPlatformPeak.accumulateAndGet(platform, Math::max);
                runPlatformPeak.accumulateAndGet(platform, Math::max);
            }
        }
    }

    /** Thread#start threw (no thread was made): undo the record. */
    public static void onStartFailed(Thread t) {
        TrackedThread r = LIVE.get(t.threadId());
        if (r != null && r.thread == t && !t.isAlive()) {
            drop(r);
        }
    }

    /** Thread#exit (platform) and VirtualThread#afterDone (virtual). */
    public static void onEnd(Thread t) {
        AgentHealth.noteEvent();
        JDK_HELPERS.remove(t.threadId());
        TrackedThread r = LIVE.get(t.threadId());
        if (r != null) {
            r.endedNanos = System.nanoTime();
            drop(r);
        }
    }

    private static final java.util.concurrent.ConcurrentLinkedQueue<String> UNCAUGHT =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Thread#dispatchUncaughtException: a learner thread died of an
     * exception. Kept for the report even when the learner installed a
     * handler that swallows it.
     */
    public static void onUncaught(Thread t, Throwable e) {
        Schedule.noteFailure();
        TrackedThread r = LIVE.get(t.threadId());
        if (r != null && r.owner == TrackedThread.Owner.LEARNER && UNCAUGHT.size() < 100) {
            StackTraceElement[] stack = e.getStackTrace();
            UNCAUGHT.add("thread '" + t.getName() + "' died of " + e
                    + (stack.length > 0 ? " at " + stack[0] : ""));
        }
    }

    /** Uncaught exceptions of learner threads since the last call. */
    public static List<String> drainUncaught() {
        List<String> out = new ArrayList<>();
        for (String s; (s = UNCAUGHT.poll()) != null; ) {
            out.add(s);
        }
        return out;
    }
}
