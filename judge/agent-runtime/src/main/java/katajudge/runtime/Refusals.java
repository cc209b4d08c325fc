package katajudge.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the learner's code tried and was refused: ending the JVM, reflection
 * into the judge, and the guard's file, network and process refusals. Each
 * throws a SecurityException ("refused by the judge: ...") back into the
 * learner's code and is kept, with its stack, for the verdict.
 */
public final class Refusals {

    /** Something the learner's code tried and was refused: what kind, what exactly, when and from where. */
    public record Refusal(String kind, String detail, String phase, StackTraceElement[] stack) {}

    private static final ConcurrentLinkedQueue<Refusal> REFUSALS = new ConcurrentLinkedQueue<>();
    private static volatile boolean refuseExits = true;

    private Refusals() {}

    /** Katas may not end the JVM; a program under {@code judge run} may. */
    public static void setRefuseExits(boolean refuse) {
        Callers.checkJudgeCaller();
        refuseExits = refuse;
    }

    /**
     * Runtime#exit and Runtime#halt: learner code may not end the judge's JVM.
     * The call throws a SecurityException back into the learner's code, and
     * the runner reports the attempt with its stack.
     */
    public static void onExitRequest(int status) {
        if (Callers.learnerLoader() != null && refuseExits && Callers.callerIsLearner()) {
            refuse("exit", "System.exit(" + status + "): a kata must return, not end the JVM");
        }
    }

    /**
     * AccessibleObject#checkCanSetAccessible and MethodHandles#privateLookupIn:
     * the learner may not open the judge's classes by reflection. Refused when
     * the caller is not the judge's, and, for the judge's working classes (all
     * but the plain event records of {@code katajudge.protocol} and the
     * recording's JFR events, which the JDK's JSON and JFR code reflect on from
     * any thread), when any frame on the stack is not the judge's: a learner
     * cannot use the judge's own libraries, a class loader of its own or a
     * hidden class as a trampoline.
     *
     * <p>Where the JVM itself refuses (the judge's classes in a module that
     * neither opens nor exports their package to the caller: the child's
     * runner in {@code katajudge.child}, this runtime in {@code java.base}),
     * the attempt is only noted, for the verdict to name it, and the JVM
     * throws its own InaccessibleObjectException or IllegalAccessException:
     * the module boundary is what holds, not this list of entry points. Only
     * the classes in an open module (the agent's, in the application class
     * loader's unnamed module) depend on this check's throw.
     */
    public static void onSetAccessible(Class<?> caller, Class<?> declaringClass) {
        ClassLoader learner = Callers.learnerLoader();
        if (learner == null || declaringClass == null || !declaringClass.getName().startsWith("katajudge.")) {
            return;
        }
        boolean refused = caller != null && !Callers.isJudgeLoader(caller.getClassLoader(), learner);
        if (!refused && !declaringClass.getName().startsWith("katajudge.protocol.") && !isFlightRecorderEvent(declaringClass)) {
            refused = Callers.anyFrameIsNotTheJudges(learner);
        }
        String detail = "reflection into the judge (" + declaringClass.getName() + ")";
        if (refused && caller != null && moduleRefuses(caller, declaringClass)) {
            note("tamper", detail);
        } else if (refused) {
            refuse("tamper", detail);
        }
    }

    /** Whether the JVM refuses {@code caller} deep reflection into {@code target}: a module boundary. */
    static boolean moduleRefuses(Class<?> caller, Class<?> target) {
        Module module = target.getModule();
        Module from = caller.getModule();
        String pkg = target.getPackageName();
        return module.isNamed() && module != from && !module.isOpen(pkg, from) && !module.isExported(pkg, from);
    }

    /**
     * The judge's JDK Flight Recorder events (the report page's recording) are
     * committed on whatever thread the event happens, learner threads included,
     * and JFR reflects on them then; they hold event data, no secret.
     */
    private static boolean isFlightRecorderEvent(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals("jdk.jfr.Event")) {
                return true;
            }
        }
        return false;
    }

    /** Records a refusal and throws it back into the learner's code. */
    static void refuse(String kind, String detail) {
        SecurityException refused = new SecurityException("refused by the judge: " + detail);
        REFUSALS.add(new Refusal(kind, detail, ThreadRegistry.phase(), refused.getStackTrace()));
        throw refused;
    }

    /** Records a refusal the JVM enforces itself (it throws next): the verdict names it all the same. */
    static void note(String kind, String detail) {
        REFUSALS.add(new Refusal(kind, detail, ThreadRegistry.phase(), new Throwable().getStackTrace()));
    }

    /** Refusals since the last call. */
    public static List<Refusal> drain() {
        List<Refusal> out = new ArrayList<>();
        for (Refusal a; (a = REFUSALS.poll()) != null; ) {
            out.add(a);
        }
        return out;
    }
}
