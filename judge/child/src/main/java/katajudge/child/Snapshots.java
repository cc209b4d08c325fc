package katajudge.child;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;
import katajudge.protocol.Frame;
import katajudge.protocol.ThreadSnapshot;
import katajudge.runtime.TrackedThread;

/**
 * Turns live threads into {@link ThreadSnapshot}s: current stack, creation
 * site, what each waits on and who holds it. Learner frames are marked.
 */
final class Snapshots {

    static final String LEARNER_LOADER_NAME = "submission";
    private static final int MAX_FRAMES = 30;
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final Method OWNER_OF = ownerAccessor();

    private Snapshots() {}

    static ThreadSnapshot of(TrackedThread r) {
        Thread t = r.thread;
        Long waitingFor = r.waitKind() != null
                ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - r.waitSinceNanos()) : null;
        Thread holder = holderOf(t);
        List<String> created = creationFrames(r);
        return new ThreadSnapshot(nameOf(t, created), t.threadId(), t.isVirtual(), r.owner.name().toLowerCase(),
                t.getState().name(), waitingOn(t, r), waitingFor, holder == null ? null : holder.getName(),
                frames(t.getStackTrace()), created, r.parentName, r.startedDuring);
    }

    /**
     * A thread's name; an unnamed one (virtual threads are unless named) is
     * called after where it was created, so a report never shows {@code ''}.
     */
    static String nameOf(Thread t, List<String> createdAt) {
        if (!t.getName().isEmpty()) {
            return t.getName();
        }
        String site = createdAt.stream().filter(f -> f.startsWith("> ")).findFirst().map(f -> f.substring(2))
                .orElse(createdAt.isEmpty() ? "#" + t.threadId() : createdAt.getFirst());
        return (t.isVirtual() ? "virtual" : "thread") + "@" + site;
    }

    /** The thread that holds what {@code t} waits for, when the JDK can tell: an owned lock or a monitor. */
    static Thread holderOf(Thread t) {
        Object blocker = LockSupport.getBlocker(t);
        if (blocker instanceof AbstractOwnableSynchronizer sync && OWNER_OF != null) {
            try {
                return (Thread) OWNER_OF.invoke(sync);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        if (!t.isVirtual() && t.getState() == Thread.State.BLOCKED) {
            ThreadInfo info = MX.getThreadInfo(t.threadId());
            if (info != null && info.getLockOwnerId() >= 0) {
                long ownerId = info.getLockOwnerId();
                return Thread.getAllStackTraces().keySet().stream()
                        .filter(x -> x.threadId() == ownerId).findFirst().orElse(null);
            }
        }
        return null;
    }

    private static String waitingOn(Thread t, TrackedThread r) {
        Object blocker = LockSupport.getBlocker(t);
        if (blocker != null) {
            return describe(blocker);
        }
        Thread.State state = t.getState();
        if (state == Thread.State.BLOCKED) {
            ThreadInfo info = t.isVirtual() ? null : MX.getThreadInfo(t.threadId());
            return "monitor " + (info != null && info.getLockName() != null ? info.getLockName() : "(synchronized)");
        }
        if (r != null && r.waitKind() != null) {
            if (r.waitKind().equals("wait")) {
                boolean joining = java.util.Arrays.stream(t.getStackTrace()).limit(6)
                        .anyMatch(e -> e.getClassName().equals("java.lang.Thread") && e.getMethodName().equals("join"));
                return joining ? "Thread.join (waits for a thread to end)" : "Object.wait (needs a notify)";
            }
            return r.waitKind();
        }
        return null;
    }

    static String describe(Object blocker) {
        Class<?> c = blocker.getClass();
        String name = c.getName();
        // Inner synchronizers read better by their outer class: ReentrantLock$NonfairSync -> ReentrantLock.
        if (c.getEnclosingClass() != null && name.startsWith("java.")) {
            name = c.getEnclosingClass().getName() + "$" + c.getSimpleName();
        }
        return name + "@" + Integer.toHexString(System.identityHashCode(blocker));
    }

    /**
     * Formats a stack, innermost first. Below the learner's code, the frames
     * of the test framework and the judge say nothing to a learner: they are
     * cut at the first reflective call under a learner frame.
     */
    static List<String> frames(StackTraceElement[] stack) {
        List<String> out = new ArrayList<>();
        boolean seenLearner = false;
        for (int i = 0; i < stack.length && out.size() < MAX_FRAMES; i++) {
            String frame = format(stack[i]);
            if (seenLearner && stack[i].getClassName().startsWith("jdk.internal.reflect.")) {
                return out;
            }
            seenLearner |= Frame.isLearner(frame);
            out.add(frame);
        }
        if (stack.length > out.size()) {
            out.add("... " + (stack.length - out.size()) + " more");
        }
        return out;
    }

    static String format(StackTraceElement e) {
        String text = e.getClassName() + "." + e.getMethodName() + "("
                + (e.getFileName() == null ? "Unknown Source" : e.getFileName())
                + (e.getLineNumber() > 0 ? ":" + e.getLineNumber() : "") + ")";
        return new Frame(LEARNER_LOADER_NAME.equals(e.getClassLoaderName()), text).line();
    }

    private static List<String> creationFrames(TrackedThread r) {
        List<String> out = new ArrayList<>();
        for (StackWalker.StackFrame f : r.createdAt) {
            out.add(format(f.toStackTraceElement()));
        }
        return out;
    }

    private static Method ownerAccessor() {
        try {
            Method m = AbstractOwnableSynchronizer.class.getDeclaredMethod("getExclusiveOwnerThread");
            m.setAccessible(true); // the child runs with java.util.concurrent.locks opened to it
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
