package katajudge.agent;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import katajudge.runtime.ThreadRegistry;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * The judge's Java agent, given to every child JVM with {@code -javaagent:}.
 *
 * <p>It weaves {@link Advices} into the JDK's thread start and end, park,
 * sleep and wait methods (a version-gated table: the names are those of
 * JDK 22 and later), then checks itself: if a thread start, a park, a sleep
 * or a thread end goes unseen, the runner reports a judge error instead of
 * judging blind.
 */
public final class JudgeAgent {

    /** The oldest JDK whose private method names the table below matches (Thread.sleepNanos came in 22). */
    static final int MIN_FEATURE = 22;

    private JudgeAgent() {}

    public static void premain(String args, Instrumentation inst) {
        if (Runtime.version().feature() < MIN_FEATURE) {
            ThreadRegistry.reportAgentProblem("the judge agent needs JDK " + MIN_FEATURE + "+, this is "
                    + Runtime.version());
            return;
        }
        // Woven code in java.base calls the runtime in the bootstrap loader's unnamed module.
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Set.of(ThreadRegistry.class.getModule()), Map.of(), Map.of(),
                Set.of(), Map.of());
        ProblemListener listener = new ProblemListener();
        install(inst, listener);
        for (String type : INSTRUMENTED) {
            if (!listener.transformed.contains(type)) {
                ThreadRegistry.reportAgentProblem("the agent did not instrument " + type);
            }
        }
        selfTest();
    }

    private static final java.util.List<String> INSTRUMENTED = java.util.List.of("java.lang.Thread",
            "java.lang.VirtualThread", "java.util.concurrent.locks.LockSupport", "java.lang.Object", "java.lang.Runtime");

    private static void install(Instrumentation inst, ProblemListener listener) {
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .ignore(none())
                .with(listener)
                .type(named("java.lang.Thread"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Start.class).on(named("start").and(takesArguments(0)
                                .or(takesArguments(1)))))
                        .visit(Advice.to(Advices.End.class).on(named("exit").and(takesArguments(0))))
                        .visit(Advice.to(Advices.Sleep.class).on(named("sleepNanos").and(isStatic()))))
                .type(named("java.lang.VirtualThread"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Start.class).on(named("start").and(takesArguments(1))))
                        .visit(Advice.to(Advices.End.class).on(named("afterDone").and(takesArguments(1))))
                        .visit(Advice.to(Advices.Mount.class).on(named("runContinuation"))))
                .type(named("java.util.concurrent.locks.LockSupport"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Park.class).on(named("park").or(named("parkNanos"))
                                .or(named("parkUntil")))))
                .type(named("java.lang.Runtime"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Exit.class).on(named("exit").or(named("halt"))
                                .and(takesArguments(int.class)))))
                .type(named("java.lang.Object"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Wait.class).on(named("wait").and(takesArguments(long.class)))))
                .installOn(inst);
    }

    /** Starts a platform and a virtual thread that park and sleep; every event must be seen. */
    private static void selfTest() {
        long before = ThreadRegistry.eventsSeen();
        try {
            Thread p = new Thread(() -> LockSupport.parkNanos(1_000));
            p.start();
            p.join();
            Thread v = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            v.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long seen = ThreadRegistry.eventsSeen() - before;
        // start, park, end for each thread at least (the virtual one's sleep parks too).
        if (seen >= 6) {
            ThreadRegistry.markSelfTestPassed();
        } else {
            ThreadRegistry.reportAgentProblem("self-test saw " + seen + " of at least 6 thread events: "
                    + "the instrumentation is not active");
        }
    }

    /** Instrumentation failures are silent by default; make them count. */
    private static final class ProblemListener extends AgentBuilder.Listener.Adapter {
        final Set<String> transformed = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            ThreadRegistry.reportAgentProblem("cannot instrument " + typeName + ": " + throwable);
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
                                     boolean loaded, DynamicType dynamicType) {
            transformed.add(type.getName());
        }
    }
}
