package katajudge.child;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import katajudge.runtime.JdkThreads;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;

/**
 * goleak's rule for the JVM: after a test, the learner's threads get a short
 * lingering window (with backoff) to finish; those still alive then are
 * leaks. A thread is only called leaked if it is seen alive at the end, and
 * never if it is one of the JDK's own ({@link JdkThreads}), whoever's call
 * made the JDK start it.
 *
 * <p>A creation site that has leaked once is not waited for again: when
 * every thread still there was started where an earlier test's leak was
 * started (a pool never shut down, made anew by each call), the window ends
 * after {@link #KNOWN_SITE_GRACE_MS}. Without this, a solution that leaks in
 * each of ten tests and five timed runs waited out fifteen windows for a
 * verdict the first one had already settled.
 */
final class LeakCheck {

    /** How long threads of a site that leaked before get to end (those ending right now are not leaks). */
    static final long KNOWN_SITE_GRACE_MS = 100;

    /** Creation sites of the threads reported as leaked in this JVM. */
    private static final Set<String> LEAKED_SITES = ConcurrentHashMap.newKeySet();

    private LeakCheck() {}

    /** Learner threads still alive after {@code lingerMs}, not reported before; they are then retired. */
    static List<TrackedThread> leaked(long lingerMs) {
        return lingering(lingerMs,
                () -> ThreadRegistry.live().stream()
                        .filter(r -> isLeak(ThreadSample.of(r, null, null), JdkThreads.isJdks(r))).toList(),
                r -> !LEAKED_SITES.isEmpty() && LEAKED_SITES.contains(siteOf(r)));
    }

    /**
     * The window itself: waits (with backoff) until no thread is left, the
     * window is over, or, past the grace, every thread left is a known
     * leaker; returns the threads still there.
     *
     * @param alive       the threads still there now
     * @param knownLeaker whether a thread was started where a reported leak was
     */
    static <T> List<T> lingering(long lingerMs, Supplier<List<T>> alive, Predicate<T> knownLeaker) {
        long start = System.nanoTime();
        long deadline = start + lingerMs * 1_000_000;
        long graceOver = start + Math.min(lingerMs, KNOWN_SITE_GRACE_MS) * 1_000_000;
        long pause = 2;
        while (true) {
            List<T> left = alive.get();
            long now = System.nanoTime();
            if (left.isEmpty() || now > deadline || (now > graceOver && left.stream().allMatch(knownLeaker))) {
                return left;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    /**
     * Whether a thread still there is a leak: the learner's, alive, not
     * reported before, and not one of the JDK's (its common pool, its timers
     * and pollers, an HttpClient's selector...).
     */
    static boolean isLeak(ThreadSample t, boolean jdks) {
        return t.counted() && t.alive() && !jdks;
    }

    /**
     * After reporting: interrupt leaked threads (so they may end) and stop
     * counting them as live, but keep them in view: a leaked pool worker may
     * work again for a later test, and a test waiting on it is not deadlocked.
     * Their creation sites are remembered as leaking.
     */
    static void retire(List<TrackedThread> leaked) {
        for (TrackedThread r : leaked) {
            LEAKED_SITES.add(siteOf(r));
            r.thread.interrupt();
            ThreadRegistry.retire(r);
        }
    }

    /**
     * Where a thread was started, as the learner would name it: the innermost
     * learner frame of its creation stack (the same line for every worker a
     * pool made in that call, whichever test called), or the whole stack
     * when no learner frame is on it.
     */
    static String siteOf(TrackedThread r) {
        List<String> frames = r.createdAt.stream().map(f -> Snapshots.format(f.toStackTraceElement())).toList();
        String site = frames.stream().filter(katajudge.protocol.Frame::isLearner).findFirst()
                .orElse(String.join("\n", frames));
        return (r.virtual ? "virtual " : "platform ") + site;
    }
}
