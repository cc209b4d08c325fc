package katajudge.runtime;

import java.util.List;

/**
 * What the agent knows of one thread started while a judged region was
 * active: who owns it, where it was created, and what it is waiting on now.
 * Fields written by advice on the thread itself are volatile so the
 * watchdog can read them from its own thread.
 */
public final class TrackedThread {

    /** Who a thread belongs to: the learner's code, or the judge and its tests. */
    public enum Owner { LEARNER, JUDGE }

    public final Thread thread;
    public final long id;
    public final Owner owner;
    public final boolean virtual;
    /** The test (or phase) that was running when the thread was started. */
    public final String startedDuring;
    public final long startedNanos;
    /** Frames of the creating thread at start(), innermost first, JDK frames of start() itself dropped. */
    public final List<StackWalker.StackFrame> createdAt;
    public final String parentName;

    /** Increments each time a wait of this thread ends: "no progress" means it stayed the same. */
    volatile long progress;
    volatile int waitDepth;
    volatile String waitKind;
    volatile boolean waitTimed;
    volatile long waitSinceNanos;
    /** When the wait in progress times out (nanoTime), Long.MAX_VALUE for a wait without a timeout. */
    volatile long waitUntilNanos;
    volatile long endedNanos;
    /** Ended (or the root's record of an earlier test): no longer the thread's record. */
    volatile boolean forgotten;
    /** Reported as leaked: still in view, no longer counted as a live learner thread. */
    volatile boolean retired;
    /** Whether the learner's live counts include this thread (cleared once, when it ends or is retired). */
    final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
    /** Starts made by this thread, and the site and owner of the last walked one (see ThreadRegistry#onStart). */
    int starts;
    List<StackWalker.StackFrame> lastCreationFrames;
    Owner lastOwner;

    TrackedThread(Thread thread, Owner owner, String startedDuring, List<StackWalker.StackFrame> createdAt,
                  String parentName) {
        this.thread = thread;
        this.id = thread.threadId();
        this.owner = owner;
        this.virtual = thread.isVirtual();
        this.startedDuring = startedDuring;
        this.startedNanos = System.nanoTime();
        this.createdAt = createdAt;
        this.parentName = parentName;
    }

    public long progress() {
        return progress;
    }

    /** The kind of wait in progress ("park", "sleep", "wait"), or null. */
    public String waitKind() {
        return waitKind;
    }

    public boolean waitTimed() {
        return waitTimed;
    }

    public long waitUntilNanos() {
        return waitUntilNanos;
    }

    public long waitSinceNanos() {
        return waitSinceNanos;
    }

    public long endedNanos() {
        return endedNanos;
    }

    /** Whether this thread was reported as leaked by an earlier check (it is then not reported again). */
    public boolean retired() {
        return retired;
    }


}
