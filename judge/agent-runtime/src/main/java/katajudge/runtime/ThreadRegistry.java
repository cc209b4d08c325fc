package katajudge.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The agent's memory. Advice woven into {@code Thread}, {@code VirtualThread},
 * {@code LockSupport} and {@code Object} calls the static {@code on*} methods;
 * the judge's child runner reads the rest.
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

    private static final StackWalker WALKER =
            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** For the guard's questions about who is calling: hidden frames shown, so a hidden class cannot hide. */
    private static final StackWalker SECURITY_WALKER = StackWalker.getInstance(
            java.util.Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));
    private static volatile ClassLoader platformLoader;
    private static volatile ClassLoader appLoader;
    private static final int CREATION_FRAMES = 24;
    /** Creation stacks walked in full per parent before sampling starts (one in this many after). */
    static final int FULL_WALKS = 64;

    private static final ConcurrentHashMap<Long, TrackedThread> LIVE = new ConcurrentHashMap<>();
    private static volatile boolean active;
    private static volatile ClassLoader learnerLoader;
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
    /** Counts every event the agent saw, judged region or not: the install-time self-test reads it. */
    private static final AtomicLong eventsSeen = new AtomicLong();

    private ThreadRegistry() {}

    // ------------------------------------------------------------------ control, for the runner

    /** Declares which class loader holds learner code. */
    public static void setLearnerLoader(ClassLoader loader) {
        checkJudgeCaller();
        platformLoader = ClassLoader.getPlatformClassLoader();
        appLoader = ClassLoader.getSystemClassLoader();
        learnerLoader = loader;
    }

    /** Starts tracking: threads started from {@code root} (the test thread) or by learner code are recorded. */
    public static void beginRegion(Thread root, String phaseName) {
        checkJudgeCaller();
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
        checkJudgeCaller();
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
        checkJudgeCaller();
        t.retired = true;
        uncount(t);
    }

    /** Forgets a thread for good: no longer in view at all (judge run drops an abandoned schedule's threads). */
    public static void forget(TrackedThread t) {
        checkJudgeCaller();
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

    public static long learnerStartedPlatform() {
        return learnerStartedPlatform.get();
    }

    public static long learnerStartedVirtual() {
        return learnerStartedVirtual.get();
    }

    public static long eventsSeen() {
        return eventsSeen.get();
    }

    private static final List<String> AGENT_PROBLEMS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static volatile boolean selfTestPassed;

    /** The agent reports what it could not instrument; a non-empty list makes every verdict a JUDGE_ERROR. */
    public static void reportAgentProblem(String problem) {
        AGENT_PROBLEMS.add(problem);
    }

    public static List<String> agentProblems() {
        return List.copyOf(AGENT_PROBLEMS);
    }

    public static void markSelfTestPassed() {
        selfTestPassed = true;
        selfTesting = false;
    }

    /** Counting events costs a shared counter; only the install-time self-test needs it. */
    private static volatile boolean selfTesting = true;

    public static void endSelfTest() {
        selfTesting = false;
    }

    /** Whether the agent saw a thread start, a park, a sleep and a thread end at install time. */
    public static boolean selfTestPassed() {
        return selfTestPassed;
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
        if (selfTesting) {
            eventsSeen.incrementAndGet();
        }
        if (!active || JdkThreads.isStartingJdks(t)) {
            return;
        }
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
            frames = WALKER.walk(s -> s
                    .dropWhile(f -> f.getDeclaringClass() == ThreadRegistry.class
                            || (f.getDeclaringClass().getName().startsWith("java.lang.")
                                && f.getMethodName().equals("start")))
                    .limit(CREATION_FRAMES).toList());
            if (parentRecord != null && parentRecord.owner == TrackedThread.Owner.LEARNER) {
                owner = TrackedThread.Owner.LEARNER;
            } else if (firstCallerIsLearner(frames)) {
                owner = TrackedThread.Owner.LEARNER;
            } else if (parentRecord != null || parent == rootThread) {
                owner = TrackedThread.Owner.JUDGE;
            } else if (startedByTheJudge()) {
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
        if (selfTesting) {
            eventsSeen.incrementAndGet();
        }
        TrackedThread r = LIVE.get(t.threadId());
        if (r != null) {
            r.endedNanos = System.nanoTime();
            drop(r);
        }
    }

    /** Entry of LockSupport.park*, Thread.sleepNanos, Object.wait(long). */
    /** @param timeoutNanos how long the wait may last, or -1 for a wait without a timeout */
    public static void onWaitBegin(String kind, long timeoutNanos) {
        if (selfTesting) {
            eventsSeen.incrementAndGet();
        }
        TrackedThread r = own();
        if (r == null) {
            return;
        }
        if (r.waitDepth++ == 0) {
            long now = System.nanoTime();
            r.waitKind = kind;
            r.waitTimed = timeoutNanos >= 0;
            r.waitSinceNanos = now;
            r.waitUntilNanos = timeoutNanos < 0 || now + timeoutNanos < now ? Long.MAX_VALUE : now + timeoutNanos;
        }
    }

    /** Exit of the same methods, normal or exceptional. */
    public static void onWaitEnd() {
        TrackedThread r = own();
        if (r == null) {
            return;
        }
        r.progress++;
        if (r.waitDepth > 0 && --r.waitDepth == 0) {
            String kind = r.waitKind;
            r.waitKind = null;
            VirtualWaitListener l = virtualWaitListener;
            if (l != null && r.virtual && "park".equals(kind)) {
                long waited = System.nanoTime() - r.waitSinceNanos;
                if (waited >= l.thresholdNanos()) {
                    r.waitDepth++; // a wait inside the listener is not the learner's
                    try {
                        l.parked(waited);
                    } finally {
                        r.waitDepth--;
                    }
                }
            }
        }
    }

    /**
     * Told, on the virtual thread itself, of each park of a learner's virtual
     * thread that lasted at least its threshold: JDK Flight Recorder records
     * the parks of platform threads only, and the report page's timeline
     * needs both.
     */
    public interface VirtualWaitListener {
        long thresholdNanos();

        void parked(long waitedNanos);
    }

    private static volatile VirtualWaitListener virtualWaitListener;

    /** Judge code only: the child's flight recorder. */
    public static void setVirtualWaitListener(VirtualWaitListener listener) {
        virtualWaitListener = listener;
    }

    /**
     * The calling thread's record, or null. Parks are the hottest path: the
     * answer is kept in a thread-local (looked up once per thread), which
     * costs far less than a map lookup with a boxed id.
     */
    private static TrackedThread own() {
        Object cached = OWN.get();
        if (cached == NONE) {
            if (!active) {
                return null;
            }
            TrackedThread r = LIVE.get(Thread.currentThread().threadId());
            if (r != null) {
                OWN.set(r);
            }
            return r;
        }
        TrackedThread r = (TrackedThread) cached;
        if (r.forgotten) {
            // A stale record (the root gets a new one each test): look the current one up, do not drop the wait.
            OWN.set(NONE);
            return own();
        }
        return r;
    }

    private static final Object NONE = new Object();
    private static final ThreadLocal<Object> OWN = ThreadLocal.withInitial(() -> NONE);

    private static volatile boolean refuseExits = true;

    /** Katas may not end the JVM; a program under {@code judge run} may. */
    public static void setRefuseExits(boolean refuse) {
        checkJudgeCaller();
        refuseExits = refuse;
    }

    /** Something the learner's code tried and was refused: what kind, what exactly, when and from where. */
    public record Refusal(String kind, String detail, String phase, StackTraceElement[] stack) {}

    private static final java.util.concurrent.ConcurrentLinkedQueue<Refusal> REFUSALS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Runtime#exit and Runtime#halt: learner code may not end the judge's JVM.
     * The call throws a SecurityException back into the learner's code, and
     * the runner reports the attempt with its stack.
     */
    public static void onExitRequest(int status) {
        if (learnerLoader != null && refuseExits && callerIsLearner()) {
            refuse("exit", "System.exit(" + status + "): a kata must return, not end the JVM");
        }
    }

    /**
     * AccessibleObject#checkCanSetAccessible and MethodHandles#privateLookupIn:
     * the learner may not open the judge's classes by reflection (they sit in
     * an unnamed module, which is open to everyone). Refused when the caller
     * is not the judge's, and, for the judge's working classes (all but the
     * plain event records of {@code katajudge.protocol} and the recording's
     * JFR events, which the JDK's JSON and JFR code reflect on from any
     * thread), when any frame on the stack is
     * not the judge's: a learner cannot use the judge's own libraries, a class
     * loader of its own or a hidden class as a trampoline.
     */
    public static void onSetAccessible(Class<?> caller, Class<?> declaringClass) {
        ClassLoader learner = learnerLoader;
        if (learner == null || declaringClass == null || !declaringClass.getName().startsWith("katajudge.")) {
            return;
        }
        boolean refused = caller != null && !isJudgeLoader(caller.getClassLoader(), learner);
        if (!refused && !declaringClass.getName().startsWith("katajudge.protocol.") && !isFlightRecorderEvent(declaringClass)) {
            refused = SECURITY_WALKER.walk(s -> s.anyMatch(
                    f -> !isJudgeLoader(f.getDeclaringClass().getClassLoader(), learner)));
        }
        if (refused) {
            refuse("tamper", "reflection into the judge (" + declaringClass.getName() + ")");
        }
    }

    /**
     * The judge's JDK Flight Recorder events (the report page's recording) are
     * committed on whatever thread the event happens, learner threads included,
     * and JFR reflects on them then; they hold event data, no secret.
     */
    private static boolean isFlightRecorderEvent(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals("jdk.jfr.Event")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The judge's own class loaders: the JDK's, the application loader (judge,
     * JUnit, the agent) and the learner loader's parents (the problem's tests
     * and API). Everything else, the learner's loader and any loader the
     * learner's code made, is not the judge's.
     */
    static boolean isJudgeLoader(ClassLoader loader, ClassLoader learner) {
        if (loader == null || loader == platformLoader || loader == appLoader) {
            return true;
        }
        for (ClassLoader p = learner.getParent(); p != null; p = p.getParent()) {
            if (p == loader) {
                return true;
            }
        }
        return false;
    }

    /** Records a refusal and throws it back into the learner's code. */
    static void refuse(String kind, String detail) {
        SecurityException refused = new SecurityException("refused by the judge: " + detail);
        REFUSALS.add(new Refusal(kind, detail, phase, refused.getStackTrace()));
        throw refused;
    }

    /** Whether the current thread is the learner's, or runs learner code anywhere on its stack. */
    static boolean callerIsLearner() {
        ClassLoader learner = learnerLoader;
        if (learner == null) {
            return false;
        }
        TrackedThread r = LIVE.get(Thread.currentThread().threadId());
        // Hidden frames too: a hidden class the learner defined runs in no visible frame of its own.
        return (r != null && r.owner == TrackedThread.Owner.LEARNER)
                || SECURITY_WALKER.walk(s -> s.anyMatch(
                        f -> !isJudgeLoader(f.getDeclaringClass().getClassLoader(), learner)));
    }

    /**
     * The registry's controls are for the judge alone: the learner's code can
     * see this class (it is on the boot class path) but may not switch
     * tracking off or read it. Callers loaded by the learner's class loader
     * are refused.
     */
    static void checkJudgeCaller() {
        ClassLoader learner = learnerLoader;
        if (learner == null) {
            return;
        }
        Class<?> caller = WALKER.walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c != ThreadRegistry.class && c != Guard.class).findFirst().orElse(null));
        if (caller != null && !isJudgeLoader(caller.getClassLoader(), learner)) {
            refuse("tamper", "calling the judge's registry from " + caller.getName());
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

    /** Refusals since the last call. */
    public static List<Refusal> drainRefusals() {
        List<Refusal> out = new ArrayList<>();
        for (Refusal a; (a = REFUSALS.poll()) != null; ) {
            out.add(a);
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Whether the thread starting a thread runs the judge's code and no
     * learner code (hidden frames shown, so a learner's hidden class or
     * lambda form cannot hide behind the judge's libraries): no learner
     * loader declared, or a frame of the judge's loaders and none of another.
     */
    private static boolean startedByTheJudge() {
        ClassLoader learner = learnerLoader;
        if (learner == null) {
            return true;
        }
        return SECURITY_WALKER.walk(s -> {
            boolean judge = false;
            for (var it = s.iterator(); it.hasNext(); ) {
                ClassLoader loader = it.next().getDeclaringClass().getClassLoader();
                if (loader == null || loader == platformLoader) {
                    continue; // the JDK's frames say nothing of who asked
                }
                if (!isJudgeLoader(loader, learner)) {
                    return false;
                }
                judge = true;
            }
            return judge;
        });
    }

    private static boolean firstCallerIsLearner(List<StackWalker.StackFrame> frames) {
        ClassLoader learner = learnerLoader;
        if (learner == null) {
            return false;
        }
        for (StackWalker.StackFrame f : frames) {
            ClassLoader loader = f.getDeclaringClass().getClassLoader();
            if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
                continue; // JDK frames: executors, CompletableFuture, ...
            }
            return loader == learner;
        }
        return false;
    }
}
