package katajudge.runtime;

import java.util.List;
import java.util.Set;

/**
 * Who is calling: the learner's code or the judge's. The judge declares the
 * learner's class loader; every other class loader of the JDK, the judge and
 * the problem's tests is the judge's. The guard, the refusals and the
 * registry ask here, by the calling thread's record and by walking its
 * stack.
 */
public final class Callers {

    /** For creation sites and the registry's own callers: visible frames only. */
    static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** For the guard's questions about who is calling: hidden frames shown, so a hidden class cannot hide. */
    private static final StackWalker SECURITY_WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));
    private static volatile ClassLoader platformLoader;
    private static volatile ClassLoader appLoader;
    private static volatile ClassLoader learnerLoader;

    private Callers() {}

    /** Declares which class loader holds learner code. */
    public static void setLearnerLoader(ClassLoader loader) {
        checkJudgeCaller();
        platformLoader = ClassLoader.getPlatformClassLoader();
        appLoader = ClassLoader.getSystemClassLoader();
        learnerLoader = loader;
    }

    /** The learner's class loader, or null before the judge declares one. */
    static ClassLoader learnerLoader() {
        return learnerLoader;
    }

    /**
     * The judge's own class loaders: the JDK's, the application loader (judge,
     * JUnit, the agent) and the learner loader's parents (the problem's tests
     * and API). Everything else, the learner's loader and any loader the
     * learner's code made, is not the judge's.
     */
    static boolean isJudgeLoader(ClassLoader loader, ClassLoader learner) {
        if (loader == null || loader == platformLoader || loader == appLoader) {
            return true;
        }
        for (ClassLoader p = learner.getParent(); p != null; p = p.getParent()) {
            if (p == loader) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current thread is the learner's, or runs learner code anywhere on its stack. */
    static boolean callerIsLearner() {
        ClassLoader learner = learnerLoader;
        if (learner == null) {
            return false;
        }
        TrackedThread r = ThreadRegistry.recordOf(Thread.currentThread());
        // Hidden frames too: a hidden class the learner defined runs in no visible frame of its own.
        return (r != null && r.owner == TrackedThread.Owner.LEARNER) || anyFrameIsNotTheJudges(learner);
    }

    /** Whether some frame of the current stack, hidden ones included, is of a class loader not the judge's. */
    static boolean anyFrameIsNotTheJudges(ClassLoader learner) {
        return SECURITY_WALKER.walk(s -> s.anyMatch(
                f -> !isJudgeLoader(f.getDeclaringClass().getClassLoader(), learner)));
    }

    /**
     * The registry's controls are for the judge alone: the learner's code can
     * see the runtime's classes (they are on the boot class path) but may not
     * switch tracking off or read it. Callers loaded by the learner's class
     * loader are refused.
     */
    static void checkJudgeCaller() {
        ClassLoader learner = learnerLoader;
        if (learner == null) {
            return;
        }
        Class<?> caller = WALKER.walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> !isRegistryClass(c)).findFirst().orElse(null));
        if (caller != null && !isJudgeLoader(caller.getClassLoader(), learner)) {
            Refusals.refuse("tamper", "calling the judge's registry from " + caller.getName());
        }
    }

    /** The registry's own classes, whose frames stand between a control and the one who called it. */
    private static boolean isRegistryClass(Class<?> c) {
        return c == ThreadRegistry.class || c == Guard.class || c == Callers.class || c == Refusals.class;
    }

    /**
     * Whether the thread starting a thread runs the judge's code and no
     * learner code (hidden frames shown, so a learner's hidden class or
     * lambda form cannot hide behind the judge's libraries): no learner
     * loader declared, or a frame of the judge's loaders and none of another.
     */
    static boolean startedByTheJudge() {
        ClassLoader learner = learnerLoader;
        if (learner == null) {
            return true;
        }
        return SECURITY_WALKER.walk(s -> {
            boolean judge = false;
            for (var it = s.iterator(); it.hasNext(); ) {
                ClassLoader loader = it.next().getDeclaringClass().getClassLoader();
                if (loader == null || loader == platformLoader) {
                    continue; // the JDK's frames say nothing of who asked
                }
                if (!isJudgeLoader(loader, learner)) {
                    return false;
                }
                judge = true;
            }
            return judge;
        });
    }

    /** Whether the first frame that is not the JDK's (executors, CompletableFuture, ...) is the learner's. */
    static boolean firstCallerIsLearner(List<StackWalker.StackFrame> frames) {
        ClassLoader learner = learnerLoader;
        if (learner == null) {
            return false;
        }
        for (StackWalker.StackFrame f : frames) {
            ClassLoader loader = f.getDeclaringClass().getClassLoader();
            if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
                continue; // JDK frames: executors, CompletableFuture, ...
            }
            return loader == learner;
        }
        return false;
    }
}
