package katajudge.child;

import java.util.List;
import katajudge.runtime.JdkThreads;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;

/**
 * goleak's rule for the JVM: after a test, the learner's threads get a short
 * lingering window (with backoff) to finish; those still alive then are
 * leaks. A thread is only called leaked if it is seen alive at the end, and
 * never if it is one of the JDK's own ({@link JdkThreads}), whoever's call
 * made the JDK start it.
 */
final class LeakCheck {

    private LeakCheck() {}

    /** Learner threads still alive after {@code lingerMs}, not reported before; they are then retired. */
    static List<TrackedThread> leaked(long lingerMs) {
        long deadline = System.nanoTime() + lingerMs * 1_000_000;
        long pause = 2;
        while (true) {
            List<TrackedThread> alive = ThreadRegistry.live().stream()
                    .filter(r -> isLeak(ThreadSample.of(r, null, null), JdkThreads.isJdks(r))).toList();
            if (alive.isEmpty() || System.nanoTime() > deadline) {
                return alive;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
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
     */
    static void retire(List<TrackedThread> leaked) {
        for (TrackedThread r : leaked) {
            r.thread.interrupt();
            ThreadRegistry.retire(r);
        }
    }
}
