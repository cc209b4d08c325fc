package katajudge.child;

import java.util.function.ToLongFunction;
import katajudge.runtime.TrackedThread;

/**
 * One thread as the watchdog saw it at one tick: the cheap facts every
 * detector decides from. What costs a stack walk or a management call is
 * asked of a {@link ThreadProbe}, and only about the few threads a detector
 * suspects.
 *
 * @param id             the thread's id
 * @param name           its name as the JDK has it (a lock cycle is told in these)
 * @param virtual        a virtual thread (its CPU time cannot be measured)
 * @param learner        started by the learner's code (else the judge's or the test's)
 * @param retired        already reported as leaked: still in view, no longer counted
 * @param alive          started and not ended
 * @param root           the thread the phase runs on (the test thread)
 * @param startedInPhase started during the phase being judged (a helper of this test, not of an earlier one)
 * @param state          its state at this tick
 * @param waitKind       the wait in progress ("park", "sleep", "wait"), or null
 * @param waitUntilNanos when that wait times out (System.nanoTime), Long.MAX_VALUE for none
 * @param progress       how many of its waits have ended: the same number means no progress
 * @param cpuNanos       CPU time used so far, or -1 when not measured (virtual, or not RUNNABLE)
 */
record ThreadSample(long id, String name, boolean virtual, boolean learner, boolean retired, boolean alive,
                    boolean root, boolean startedInPhase, Thread.State state, String waitKind,
                    long waitUntilNanos, long progress, long cpuNanos) {

    /**
     * A recorded thread now (its state read once).
     *
     * @param phase the phase being judged, or null (then no thread is its root or started in it)
     * @param cpu   reads the CPU time of a RUNNABLE platform thread, or null to measure none
     */
    static ThreadSample of(TrackedThread r, Phase phase, ToLongFunction<Thread> cpu) {
        Thread t = r.thread;
        Thread.State state = t.getState();
        long cpuNanos = cpu != null && state == Thread.State.RUNNABLE && !r.virtual ? cpu.applyAsLong(t) : -1;
        return new ThreadSample(r.id, t.getName(), r.virtual, r.owner == TrackedThread.Owner.LEARNER, r.retired(),
                t.isAlive(), phase != null && t == phase.root(), phase != null && r.startedDuring.equals(phase.name()),
                state, r.waitKind(), r.waitUntilNanos(), r.progress(), cpuNanos);
    }

    /** A learner's thread still counted as live (not yet reported as leaked). */
    boolean counted() {
        return learner && !retired;
    }
}
