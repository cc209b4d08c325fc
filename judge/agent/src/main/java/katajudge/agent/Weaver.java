package katajudge.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
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
                        .visit(Advice.to(Advices.Sleep.class).on(named("sleepNanos").and(isStatic())))
                        .visit(Advice.to(Advices.Uncaught.class).on(named("dispatchUncaughtException"))))
                .type(named("java.lang.VirtualThread"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Start.class).on(named("start").and(takesArguments(1))))
                        .visit(Advice.to(Advices.End.class).on(named("afterDone").and(takesArguments(1)))))
                .type(named("java.util.concurrent.locks.LockSupport"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Park.class).on(named("park")))
                        .visit(Advice.to(Advices.ParkNanos.class).on(named("parkNanos").and(takesArguments(long.class))))
                        .visit(Advice.to(Advices.ParkNanosWithBlocker.class).on(named("parkNanos")
                                .and(takesArguments(Object.class, long.class))))
                        .visit(Advice.to(Advices.ParkUntil.class).on(named("parkUntil"))))
                .type(named("java.lang.Runtime"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Exit.class).on(named("exit").or(named("halt"))
                                .and(takesArguments(int.class)))))
                .type(named("java.io.FileOutputStream"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.FileOperation.class).on(named("open").and(takesArguments(2)))))
                .type(named("java.io.RandomAccessFile"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.FileOperation.class).on(named("open").and(takesArguments(2)))))
                .type(named("java.io.UnixFileSystem"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.FileOperation.class).on(namedOneOf("delete", "rename",
                                "createDirectory", "createFileExclusively", "setPermission", "setLastModifiedTime",
                                "setReadOnly").and(isPublic()))))
                .type(named("sun.nio.fs.UnixChannelFactory"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.FileOperation.class).on(named("newFileChannel"))))
                .type(named("sun.nio.fs.UnixFileSystemProvider"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.FileOperation.class).on(namedOneOf("implDelete", "copy", "move",
                                "createDirectory", "createSymbolicLink", "createLink"))))
                .type(named("sun.nio.ch.Net"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Network.class).on(named("connect"))))
                .type(named("sun.nio.ch.DatagramChannelImpl"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Network.class).on(named("send").and(isPublic()))))
                .type(named("java.lang.ProcessBuilder"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.ProcessStart.class).on(named("start").and(takesArguments(0)))))
                .type(named("java.lang.reflect.AccessibleObject"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.SetAccessible.class).on(named("checkCanSetAccessible")
                                .and(takesArguments(3)))))
                .type(named("java.lang.invoke.MethodHandles"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.PrivateLookup.class).on(named("privateLookupIn")
                                .and(takesArguments(2)))))
                .type(named("java.lang.Object"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.Wait.class).on(named("wait").and(takesArguments(long.class)))))
                .installOn(inst);
        return woven;
    }
}
