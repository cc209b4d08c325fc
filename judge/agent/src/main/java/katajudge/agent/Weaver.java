package katajudge.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import katajudge.runtime.AgentHealth;
import katajudge.runtime.Hooks;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves {@link Advices} into the JDK with Byte Buddy, where the one
 * instrumentation table ({@link Hooks#TABLE}) says, and returns the woven
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
                AgentHealth.reportAgentProblem("cannot instrument " + typeName + ": " + throwable);
            }
        };
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .ignore(none())
                .with(listener);
        for (String type : Hooks.types()) {
            builder = builder.type(named(type)).transform((b, t, loader, module, domain) -> weave(b, type));
        }
        builder.installOn(inst);
        return woven;
    }

    /** Adds to {@code builder} the advice of every row of {@code type} in the table. */
    static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, String type) {
        for (Hooks.Hook hook : Hooks.of(type)) {
            builder = builder.visit(Advice.to(adviceClass(hook.advice())).on(matcher(hook)));
        }
        return builder;
    }

    /** The methods a row names, as a Byte Buddy matcher. */
    static ElementMatcher.Junction<MethodDescription> matcher(Hooks.Hook hook) {
        ElementMatcher.Junction<MethodDescription> m = namedOneOf(hook.methods().toArray(String[]::new));
        m = switch (hook.params()) {
            case Hooks.Params.Any any -> m;
            case Hooks.Params.Count(int n) -> m.and(takesArguments(n));
            case Hooks.Params.Types(List<String> names) -> m.and(takesArgumentsNamed(names));
        };
        return switch (hook.modifier()) {
            case ANY -> m;
            case STATIC -> m.and(isStatic());
            case PUBLIC -> m.and(isPublic());
        };
    }

    /** Methods whose parameters' erasures are exactly these types, by name ({@code long}, {@code java.lang.Object}). */
    private static ElementMatcher<MethodDescription> takesArgumentsNamed(List<String> names) {
        return method -> method.getParameters().asTypeList().asErasures().stream()
                .map(TypeDescription::getName).toList().equals(names);
    }

    /** The advice class of each kind: a new kind in the table does not compile until it has one. */
    static Class<?> adviceClass(Hooks.Advice advice) {
        return switch (advice) {
            case THREAD_START -> Advices.Start.class;
            case THREAD_END -> Advices.End.class;
            case UNCAUGHT -> Advices.Uncaught.class;
            case PARK -> Advices.Park.class;
            case PARK_NANOS -> Advices.ParkNanos.class;
            case PARK_NANOS_WITH_BLOCKER -> Advices.ParkNanosWithBlocker.class;
            case PARK_UNTIL -> Advices.ParkUntil.class;
            case SLEEP -> Advices.Sleep.class;
            case WAIT -> Advices.Wait.class;
            case EXIT -> Advices.Exit.class;
            case FILE -> Advices.FileOperation.class;
            case NETWORK -> Advices.Network.class;
            case PROCESS_START -> Advices.ProcessStart.class;
            case PROCESS_DESTROY -> Advices.ProcessDestroy.class;
            case SET_ACCESSIBLE -> Advices.SetAccessible.class;
            case PRIVATE_LOOKUP -> Advices.PrivateLookup.class;
        };
    }
}
