package katajudge.runtime;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
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
     * One kind of JDK thread, and why it is never the learner's. A rule that
     * rests on a name also asks where the thread was started: the classes
     * that started it, innermost first, {@code Thread.start}'s own frames
     * dropped (an empty list: no Java code started it, the JVM did).
     */
    public enum Rule {
        CARRIER("the virtual-thread scheduler's carriers: the JDK's pool, alive as long as the JVM"),
        INNOCUOUS("the JDK's system threads (Common-Cleaner, process reaper, MasterPoller, Read-/Write-Poller, "
                + "Keep-Alive-Timer, VirtualThread-unparker): only JDK code can make one (jdk.internal.misc is "
                + "not exported), and they serve the whole JVM"),
        COMMON_POOL_WORKER("workers of the common pool (parallel streams, CompletableFuture's default executor): "
                + "the JDK's pool; an idle worker lingers for its keep-alive (60 s), by design"),
        COMMON_DELAY_SCHEDULER("the common pool's timer (CompletableFuture.orTimeout, delayedExecutor): started "
                + "lazily by the first delay, serves everyone; a learner's own pool's timer is named after "
                + "that pool and stays the learner's"),
        IO_SUB_POLLER("virtual-thread I/O sub-pollers (\"SubPoller-N\"): virtual threads the JDK's poller starts on "
                + "the first socket I/O of any thread, serving the whole JVM"),
        HTTP_CLIENT_SELECTOR("an HttpClient's selector thread: most code never closes a client (it had no close "
                + "before JDK 21); the thread ends when the client becomes unreachable, which the GC decides"),
        FLIGHT_RECORDER("JDK Flight Recorder's threads (the judge records every child: \"JFR Periodic Tasks\", "
                + "\"JFR Recorder Thread\"): plain threads, started by JFR's own code or by the JVM"),
        FLIGHT_RECORDER_HOOK("JDK Flight Recorder's own thread classes (its shutdown hook): jdk.jfr.internal is "
                + "not exported, learner code cannot extend them"),
        VM_THREAD("threads the JVM makes natively (Attach Listener, Signal Dispatcher, Reference Handler, "
                + "Finalizer, Notification Thread): no Java code starts them");

        /** Why such a thread is not the learner's: said wherever a rule is listed. */
        public final String why;

        Rule(String why) {
            this.why = why;
        }

        /** What the thread itself must be (a switch, not a lambda per rule: asked at every start in a region). */
        private boolean coversThread(Facts f) {
            return switch (this) {
                case CARRIER -> f.className().equals("jdk.internal.misc.CarrierThread");
                case INNOCUOUS -> f.className().equals("jdk.internal.misc.InnocuousThread");
                case COMMON_POOL_WORKER -> f.commonPoolWorker();
                case COMMON_DELAY_SCHEDULER -> f.className().equals("java.util.concurrent.DelayScheduler")
                        && f.name().equals("ForkJoinPool.commonPool-delayScheduler");
                case IO_SUB_POLLER -> f.virtual() && f.name().startsWith("SubPoller-");
                case HTTP_CLIENT_SELECTOR -> f.className().equals("jdk.internal.net.http.HttpClientImpl$SelectorManager");
                case FLIGHT_RECORDER -> f.name().startsWith("JFR ");
                case FLIGHT_RECORDER_HOOK -> f.className().startsWith("jdk.jfr.internal.");
                case VM_THREAD -> VM_THREAD_NAMES.contains(f.name());
            };
        }

        /** Where a thread matched by name must have been started from; true for rules that rest on its class. */
        private boolean coversSite(Supplier<List<String>> site) {
            return switch (this) {
                case IO_SUB_POLLER -> startedBy(site.get(), "sun.nio.ch.Poller");
                case FLIGHT_RECORDER -> {
                    List<String> s = site.get();
                    yield s != null && s.isEmpty() || startedBy(s, "jdk.jfr.");
                }
                case VM_THREAD -> {
                    List<String> s = site.get();
                    yield s != null && s.isEmpty();
                }
                default -> true;
            };
        }

        /** Whether this rule covers the thread; {@code site} is asked only when the rule needs it. */
        public boolean matches(Facts facts, Supplier<List<String>> site) {
            return coversThread(facts) && coversSite(site);
        }
    }

    /** Read on every thread start in a judged region: one array, not a copy per call. */
    private static final Rule[] RULES = Rule.values();

    private static final Set<String> VM_THREAD_NAMES = Set.of("Attach Listener", "Signal Dispatcher",
            "Reference Handler", "Finalizer", "Notification Thread");

    /**
     * Started by code of {@code prefix}: the first starter class outside
     * {@code java.lang} and {@code java.util} (builders, executors, streams)
     * and the judge's runtime is the JDK's code named here, not a caller's.
     * An unknown start site (null) is no proof.
     */
    private static boolean startedBy(List<String> classes, String prefix) {
        if (classes == null) {
            return false;
        }
        for (String c : classes) {
            if (!c.startsWith("java.lang.") && !c.startsWith("java.util.") && !c.startsWith("katajudge.runtime.")) {
                return c.startsWith(prefix);
            }
        }
        return false;
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
        return startingJdks(t) != null;
    }

    /** The rule that makes the thread being started the JDK's, or null (see {@link #isStartingJdks}). */
    public static Rule startingJdks(Thread t) {
        return match(Facts.of(t), JdkThreads::currentStarters);
    }

    /**
     * Whether as many threads like {@code t} (of {@code rule}) may start as the learner's calls ask for: an
     * HttpClient's selector, one per client made; a system thread of the JDK's made per call (one per
     * {@code Cleaner.create()}, per watch service). Not the ones as many as the machine's cores (carriers,
     * the common pool's workers, I/O pollers): counting those against a thread bomb's cap would stop a good
     * program on a machine with many cores.
     */
    public static boolean perCall(Rule rule, String name) {
        return switch (rule) {
            case HTTP_CLIENT_SELECTOR -> true;
            case INNOCUOUS -> !name.contains("Poller");
            default -> false;
        };
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
