package katajudge.child;

import java.util.List;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;

/**
 * goleak's rule for the JVM: after a test, the learner's threads get a short
 * lingering window (with backoff) to finish; those still alive then are
 * leaks. A thread is only called leaked if it is seen alive at the end.
 */
final class LeakCheck {

    private LeakCheck() {}

    /** Learner threads still alive after {@code lingerMs}, not reported before; they are then retired. */
    static List<TrackedThread> leaked(long lingerMs) {
        long deadline = System.nanoTime() + lingerMs * 1_000_000;
        long pause = 2;
        while (true) {
            List<TrackedThread> alive = ThreadRegistry.live().stream()
                    .filter(r -> r.owner == TrackedThread.Owner.LEARNER && !r.retired() && r.thread.isAlive())
                    .toList();
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
