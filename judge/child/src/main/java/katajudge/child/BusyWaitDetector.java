package katajudge.child;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A thread spins when it stays RUNNABLE, in learner code, for a long
 * stretch and really uses CPU during it. Both hold on a loaded machine: a
 * spinner is RUNNABLE whether or not it is on a core, and gets at least a
 * slice of one. A thread that blocks leaves RUNNABLE; one blocked in socket
 * I/O is RUNNABLE but uses no CPU; a burst of class loading or library
 * start-up does not last the stretch. Each thread is reported once a phase;
 * the run goes on.
 */
final class BusyWaitDetector {

    /** A spinning thread: its CPU share over the stretch, and how long the stretch was. */
    record Found(ThreadSample thread, double cpuShare, long windowMs) {}

    /** When a thread's current RUNNABLE stretch began, and its CPU time then (-1: not measured). */
    private record Streak(long sinceNanos, long cpuNanos) {}

    private final long streakMs;
    private final double share;
    private final Map<Long, Streak> streaks = new HashMap<>();
    private final Set<Long> flagged = new HashSet<>();

    /**
     * @param streakMs how long a thread must stay RUNNABLE in learner code
     * @param share    the CPU share of wall time at or above which it spins
     */
    BusyWaitDetector(long streakMs, double share) {
        this.streakMs = streakMs;
        this.share = share;
    }

    long streakMs() {
        return streakMs;
    }

    /** A new phase: stretches and reports start over. */
    void reset() {
        streaks.clear();
        flagged.clear();
    }

    /** One tick on an idle machine: the threads found spinning now (each at most once a phase). */
    List<Found> observe(long nowNanos, List<ThreadSample> threads, ThreadProbe probe) {
        return observe(nowNanos, threads, 0, probe);
    }

    /**
     * One tick: the threads found spinning now (each at most once a phase).
     * The stretch grows by {@code allowanceMs} on an overloaded machine, as the
     * deadlock window does: a library's start-up (a TLS context, a provider's
     * static set-up) that takes 0.3 s alone takes over 0.8 s at load 10.
     */
    List<Found> observe(long nowNanos, List<ThreadSample> threads, long allowanceMs, ThreadProbe probe) {
        List<Found> found = new ArrayList<>();
        for (ThreadSample t : threads) {
            if (flagged.contains(t.id())) {
                continue;
            }
            if (t.state() != Thread.State.RUNNABLE) {
                streaks.remove(t.id());
                continue;
            }
            Streak streak = streaks.get(t.id());
            if (!t.virtual() && t.cpuNanos() < 0) {
                streaks.remove(t.id()); // its CPU time could not be read (it just ended): no evidence either way
                continue;
            }
            if (streak == null) {
                streaks.put(t.id(), new Streak(nowNanos, t.cpuNanos()));
                continue;
            }
            long wallNanos = nowNanos - streak.sinceNanos();
            if (wallNanos / 1_000_000 < streakMs + allowanceMs) {
                continue;
            }
            // A virtual thread's CPU is not measurable; RUNNABLE all along is its evidence.
            double used = t.virtual() ? 1.0 : (double) (t.cpuNanos() - streak.cpuNanos()) / wallNanos;
            if (used >= share && probe.runsLearnerCode(t.id())) {
                flagged.add(t.id());
                found.add(new Found(t, Math.round(used * 100) / 100.0, wallNanos / 1_000_000));
            }
        }
        return found;
    }

    /**
     * Whether a stack, top first, is learner code running: the first frame
     * that is not the JDK's is the learner's. A JDK class being initialised
     * on the way there (a {@code <clinit>} frame: a TLS context, a security
     * provider, a charset) is a library's one-time start-up, not a wait: the
     * learner's code called it once.
     */
    static boolean spinsInLearnerCode(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String loader = e.getClassLoaderName();
            if (loader == null || loader.equals("platform") || loader.equals("app") && isJdk(e.getClassName())) {
                if (e.getMethodName().equals("<clinit>")) {
                    return false;
                }
                continue;
            }
            return Snapshots.LEARNER_LOADER_NAME.equals(loader);
        }
        return false;
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }
}
