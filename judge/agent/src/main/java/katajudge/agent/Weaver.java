package katajudge.agent;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import katajudge.runtime.ThreadRegistry;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves {@link Advices} into the JDK with Byte Buddy and returns the woven
 * class files, so later JVMs can reuse them without loading Byte Buddy at
 * all. The only class of the agent that touches Byte Buddy.
 */
final class Weaver {

    private Weaver() {}

    /** Instruments the JDK now; returns the woven bytes by class name. */
    static Map<String, byte[]> weave(Instrumentation inst) {
        Map<String, byte[]> woven = new ConcurrentHashMap<>();
        AgentBuilder.Listener listener = new AgentBuilder.Listener.Adapter() {
            @Override
            public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
                                         boolean loaded, DynamicType dynamicType) {
                woven.put(type.getName(), dynamicType.getBytes());
            }

            @Override
            public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                                Throwable throwable) {
                ThreadRegistry.reportAgentProblem("cannot instrument " + typeName + ": " + throwable);
            }
        };
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
                        .visit(Advice.to(Advices.End.class).on(named("afterDone").and(takesArguments(1)))))
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
        return woven;
    }
}
