package katajudge.runtime;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one list of JDK threads that are never the learner's, whoever's call
 * made the JDK start them (goleak's ignore list is the model). The registry
 * does not record them, the leak check never reports them, and the watchdog
 * reads the common pool's timer from here.
 *
 * <p>A name alone proves nothing: learner code can call a thread
 * "Common-Cleaner". Each rule therefore rests on something learner code
 * cannot fake: the thread's class (JDK-internal classes it cannot make or
 * extend), the pool it works for, or the code that started it (the first
 * frame outside {@code java.lang} and {@code java.util} at its start: a
 * learner's own start shows the learner's class there).
 *
 * <p>Depends on {@code java.base} alone: it sits on the boot path with the
 * registry, which calls it from inside {@code Thread.start}.
 */
public final class JdkThreads {

    private JdkThreads() {}

    /**
     * What a rule may look at. {@code className} is the thread's own class;
     * {@code commonPoolWorker} whether it is a worker of the JDK's common pool.
     */
    public record Facts(String name, String className, boolean virtual, boolean commonPoolWorker) {

        public static Facts of(Thread t) {
            return new Facts(t.getName(), t.getClass().getName(), t.isVirtual(),
                    t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool());
        }
    }

    /**
     * One kind of JDK thread, and why it is never the learner's.
     *
     * <p>{@code site} (null: the rule needs none) is asked of the classes that
     * started the thread, innermost first, {@code Thread.start}'s own frames
     * dropped; an empty list means no Java code started it (the JVM did).
     */
    public enum Rule {
        CARRIER("the virtual-thread scheduler's carriers: the JDK's pool, alive as long as the JVM",
                f -> f.className().equals("jdk.internal.misc.CarrierThread"), null),
        INNOCUOUS("the JDK's system threads (Common-Cleaner, process reaper, MasterPoller, Read-/Write-Poller, "
                + "Keep-Alive-Timer, VirtualThread-unparker): only JDK code can make one (jdk.internal.misc is "
                + "not exported), and they serve the whole JVM",
                f -> f.className().equals("jdk.internal.misc.InnocuousThread"), null),
        COMMON_POOL_WORKER("workers of the common pool (parallel streams, CompletableFuture's default executor): "
                + "the JDK's pool; an idle worker lingers for its keep-alive (60 s), by design",
                Facts::commonPoolWorker, null),
        COMMON_DELAY_SCHEDULER("the common pool's timer (CompletableFuture.orTimeout, delayedExecutor): started "
                + "lazily by the first delay, serves everyone; a learner's own pool's timer is named after "
                + "that pool and stays the learner's",
                f -> f.className().equals("java.util.concurrent.DelayScheduler")
                        && f.name().equals("ForkJoinPool.commonPool-delayScheduler"), null),
        IO_SUB_POLLER("virtual-thread I/O sub-pollers (\"SubPoller-N\"): virtual threads the JDK starts on the "
                + "first socket I/O of any thread, serving the whole JVM",
                f -> f.virtual() && f.name().startsWith("SubPoller-"), startedBy("sun.nio.ch.Poller")),
        HTTP_CLIENT_SELECTOR("an HttpClient's selector thread: most code never closes a client (it had no close "
                + "before JDK 21); the thread ends when the client becomes unreachable, which the GC decides",
                f -> f.className().equals("jdk.internal.net.http.HttpClientImpl$SelectorManager"), null),
        FLIGHT_RECORDER("JDK Flight Recorder's threads (the judge records every child: \"JFR Periodic Tasks\", "
                + "\"JFR Recorder Thread\"): plain threads, started by JFR's own code or by the JVM",
                f -> f.name().startsWith("JFR "),
                s -> s.isEmpty() || startedBy("jdk.jfr.").test(s)),
        FLIGHT_RECORDER_HOOK("JDK Flight Recorder's own thread classes (its shutdown hook): jdk.jfr.internal is "
                + "not exported, learner code cannot extend them",
                f -> f.className().startsWith("jdk.jfr.internal."), null),
        VM_THREAD("threads the JVM makes natively (Attach Listener, Signal Dispatcher, Reference Handler, "
                + "Finalizer, Notification Thread): no Java code starts them",
                f -> VM_THREAD_NAMES.contains(f.name()), List::isEmpty);

        /** Why such a thread is not the learner's: said wherever a rule is listed. */
        public final String why;
        private final Predicate<Facts> thread;
        private final Predicate<List<String>> site;

        Rule(String why, Predicate<Facts> thread, Predicate<List<String>> site) {
            this.why = why;
            this.thread = thread;
            this.site = site;
        }

        /** Whether this rule covers the thread; {@code site} is asked only when the rule needs it. */
        public boolean matches(Facts facts, Supplier<List<String>> site) {
            if (!thread.test(facts)) {
                return false;
            }
            if (this.site == null) {
                return true;
            }
            List<String> s = site.get();
            return s != null && this.site.test(s);
        }
    }

    /** Read on every thread start in a judged region: one array, not a copy per call. */
    private static final List<Rule> RULES = List.of(Rule.values());

    private static final Set<String> VM_THREAD_NAMES = Set.of("Attach Listener", "Signal Dispatcher",
            "Reference Handler", "Finalizer", "Notification Thread");

    /**
     * Started by code of {@code prefix}: the first starter class outside
     * {@code java.lang} and {@code java.util} (builders, executors, streams)
     * and the judge's runtime is the JDK's code named here, not a caller's.
     */
    private static Predicate<List<String>> startedBy(String prefix) {
        return classes -> classes.stream()
                .filter(c -> !c.startsWith("java.lang.") && !c.startsWith("java.util.")
                        && !c.startsWith("katajudge.runtime."))
                .findFirst().map(c -> c.startsWith(prefix)).orElse(false);
    }

    /**
     * The rule that makes a thread the JDK's, or null.
     *
     * @param startedBy the classes that started it, innermost first (null when unknown: rules that need a
     *                  start site then do not match)
     */
    public static Rule match(Facts facts, Supplier<List<String>> startedBy) {
        for (Rule r : RULES) {
            if (r.matches(facts, startedBy)) {
                return r;
            }
        }
        return null;
    }

    public static Rule match(Thread t, List<String> startedBy) {
        return match(Facts.of(t), () -> startedBy);
    }

    /** A recorded thread: its start site is where the registry saw it start. */
    public static boolean isJdks(TrackedThread r) {
        return match(Facts.of(r.thread), () -> r.createdAt.stream().map(StackWalker.StackFrame::getClassName)
                .toList()) != null;
    }

    /**
     * From inside {@code Thread.start} (the registry's advice), about the
     * thread being started: its start site is the current stack, walked
     * only when a rule that needs it has matched the thread itself.
     */
    public static boolean isStartingJdks(Thread t) {
        return match(Facts.of(t), JdkThreads::currentStarters) != null;
    }

    private static final StackWalker WALKER = StackWalker.getInstance();

    private static List<String> currentStarters() {
        return WALKER.walk(s -> s.map(StackWalker.StackFrame::getClassName)
                .dropWhile(c -> c.startsWith("katajudge.runtime.")).limit(24).toList());
    }

    public static boolean isCommonDelayScheduler(Thread t) {
        return Rule.COMMON_DELAY_SCHEDULER.matches(Facts.of(t), () -> null);
    }
}
