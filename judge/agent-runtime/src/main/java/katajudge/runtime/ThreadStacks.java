package katajudge.runtime;

import java.lang.reflect.Field;

/**
 * A thread's stack in a judging is at most {@link #MAX_BYTES}: the child's
 * default ({@code -Xss}), and the most a thread started in a judged region
 * gets, whatever size it asked for ({@code new Thread(group, task, name,
 * stackSize)}, {@code Thread.ofPlatform().stackSize(n)}). Without the bound
 * four threads asking for 1 GB each and recursing deep held 1 GB and more
 * beside a 256 MB heap where no kernel limit counts memory; with it they end
 * in a {@code StackOverflowError} at this size, as any thread would.
 *
 * <p>The size a thread asked for is a field the JVM reads when the thread
 * starts, so the registry lowers it from inside {@code Thread.start}, before
 * the JVM makes the thread. Virtual threads' stacks live on the heap.
 */
public final class ThreadStacks {

    /** The largest stack a thread gets: the child JVM's {@code -Xss} is this too. */
    public static final long MAX_BYTES = 1L << 20;

    private static final Field HOLDER;
    private static final Field STACK_SIZE;
    /** Why the bound cannot hold here, or null. */
    private static final String UNAVAILABLE;

    static {
        Field holder = null;
        Field stackSize = null;
        String why = null;
        try {
            // Patched into java.base (a judging's child) this class is in Thread's module: no opening needed.
            // On the boot class path (judge run) it is not, and run needs no bound.
            holder = Thread.class.getDeclaredField("holder");
            holder.setAccessible(true);
            stackSize = holder.getType().getDeclaredField("stackSize");
            stackSize.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            why = "thread stacks cannot be bounded here: " + e;
            holder = null;
            stackSize = null;
        }
        HOLDER = holder;
        STACK_SIZE = stackSize;
        UNAVAILABLE = why;
    }

    /** Judgings bound stacks; a program under {@code judge run} asks for what it wants. */
    private static volatile boolean bounding = true;

    private ThreadStacks() {}

    /** For {@code judge run}: a learner's own program gets the stacks it asks for. */
    public static void setBounding(boolean bound) {
        Callers.checkJudgeCaller();
        bounding = bound;
    }

    /** Why the bound cannot hold in this JVM, or null when it can: a judging does not start without it. */
    public static String unavailable() {
        return UNAVAILABLE;
    }

    /** Lowers the stack {@code t} asked for to {@link #MAX_BYTES}; called before it starts. */
    static void bound(Thread t) {
        if (!bounding || STACK_SIZE == null || t.isVirtual()) {
            return;
        }
        try {
            Object holder = HOLDER.get(t);
            if (STACK_SIZE.getLong(holder) > MAX_BYTES) {
                STACK_SIZE.setLong(holder, MAX_BYTES);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            AgentHealth.reportAgentProblem("a thread's stack could not be bounded: " + e);
        }
    }
}
