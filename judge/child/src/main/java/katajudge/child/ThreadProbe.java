package katajudge.child;

/**
 * The facts that cost a stack walk or a management call, asked by a
 * detector only of the threads it suspects. The watchdog answers from the
 * live threads; a unit test answers from a table.
 */
interface ThreadProbe {

    /** Whether the innermost frame of the thread that is not the JDK's belongs to the submission. */
    boolean runsLearnerCode(long threadId);

    /** Who holds what the thread waits for (an owned lock, a monitor), when the JDK can tell; else null. */
    Holder holderOf(long threadId);

    /**
     * Whether a JDK worker outside any test may still wake a waiting thread:
     * the common pool running a task, or its timer holding a pending delay.
     */
    boolean jdkWorkersBusy();

    /** The holder of a lock: whether it is still alive tells a cycle from a dead owner. */
    record Holder(long id, String name, boolean alive) {}
}
