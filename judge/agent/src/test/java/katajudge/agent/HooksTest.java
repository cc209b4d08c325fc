package katajudge.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import katajudge.runtime.Guard;
import katajudge.runtime.Hooks;
import katajudge.runtime.Refusals;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.ThreadWaits;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one instrumentation table against what the agent does with it: every
 * row names methods this JDK has, weaving a class puts into exactly the
 * table's methods the calls their advice names, and every entry point of the
 * runtime (and of the guard's file dispatch) is reached by some row. No JVM
 * is forked and no agent attached: the JDK's class files are woven in memory
 * the way the agent weaves them, and read back.
 */
class HooksTest {

    static List<String> types() {
        return Hooks.types();
    }

    @Test
    void everyRowNamesMethodsOfThisJdk() throws Exception {
        for (Hooks.Hook hook : Hooks.TABLE) {
            var methods = TypeDescription.ForLoadedType.of(Class.forName(hook.type())).getDeclaredMethods()
                    .filter(Weaver.matcher(hook));
            Set<String> found = methods.stream().map(MethodDescription::getName).collect(Collectors.toSet());
            assertEquals(new HashSet<>(hook.methods()), found, () -> "methods matched by " + hook);
        }
    }

    /**
     * Weaves one JDK class as the agent does, and compares the methods that
     * now call into the runtime with those the table names: none missing
     * (a row the weaver skips), none extra (advice where the table says none).
     */
    @ParameterizedTest
    @MethodSource("types")
    void weavingAClassCallsTheRuntimeExactlyWhereTheTableSays(String type) throws Exception {
        TypeDescription description = TypeDescription.ForLoadedType.of(Class.forName(type));
        DynamicType.Builder<?> builder = new ByteBuddy()
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .redefine(description, ClassFileLocator.ForClassLoader.ofSystemLoader());
        byte[] woven = Weaver.weave(builder, type).make().getBytes();

        Map<String, Set<String>> expected = new HashMap<>();
        for (Hooks.Hook hook : Hooks.of(type)) {
            for (MethodDescription m : description.getDeclaredMethods().filter(Weaver.matcher(hook))) {
                expected.computeIfAbsent(m.getName() + m.getDescriptor(), k -> new TreeSet<>())
                        .addAll(hook.advice().runtimeMethods.stream()
                                .map(r -> hook.advice().runtimeClass + "." + r).toList());
            }
        }
        assertFalse(expected.isEmpty(), type + " has no row");
        assertEquals(expected, runtimeCalls(woven), "calls into katajudge.runtime per method of " + type);
    }

    @Test
    void everyRuntimeEntryPointIsReachedByARow() {
        Set<String> reached = new TreeSet<>();
        for (Hooks.Hook hook : Hooks.TABLE) {
            hook.advice().runtimeMethods.forEach(m -> reached.add(hook.advice().runtimeClass + "." + m));
        }
        Set<String> entries = new TreeSet<>();
        for (Class<?> c : List.of(ThreadRegistry.class, ThreadWaits.class, Refusals.class, Guard.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                        && m.getName().startsWith("on")) {
                    entries.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(entries, reached, "the runtime's advice entry points (public static on*) and the table's");
    }

    @Test
    void everyAdviceAndEveryFileDispatchHasARow() {
        Set<Hooks.Advice> advices = EnumSet.noneOf(Hooks.Advice.class);
        Set<Hooks.FileWrite> writes = EnumSet.noneOf(Hooks.FileWrite.class);
        for (Hooks.Hook hook : Hooks.TABLE) {
            advices.add(hook.advice());
            writes.add(hook.fileWrite());
        }
        assertEquals(EnumSet.allOf(Hooks.Advice.class), advices);
        assertEquals(EnumSet.allOf(Hooks.FileWrite.class), writes);
        // The guard finds a file row by the woven method's name, as Advices.FileOperation passes it.
        for (Hooks.Hook hook : Hooks.TABLE) {
            for (String m : hook.methods()) {
                assertEquals(hook.fileWrite(), Hooks.at(hook.type() + "." + m).fileWrite(), hook::toString);
            }
        }
        assertTrue(Arrays.stream(Hooks.Advice.values()).allMatch(a -> Weaver.adviceClass(a) != null));
    }

    /** Per method of a class file ({@code name + descriptor}), the katajudge.runtime methods it invokes. */
    private static Map<String, Set<String>> runtimeCalls(byte[] classFile) {
        Map<String, Set<String>> out = new HashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                String method = name + descriptor;
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String called, String desc, boolean itf) {
                        if (owner.startsWith("katajudge/runtime/")) {
                            out.computeIfAbsent(method, k -> new TreeSet<>())
                                    .add(owner.substring("katajudge/runtime/".length()) + "." + called);
                        }
                    }
                };
            }
        }, 0);
        return out;
    }
}
