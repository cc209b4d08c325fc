package katajudge.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.reflect.AccessFlag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import katajudge.spec.ProblemSpec;

/**
 * Reads the submission's bytecode for APIs a kata forbids (day 22 may not
 * call {@code Thread.sleep}; day 30 may use queues only), before anything
 * runs. Each use is reported with the class, the method and the line.
 *
 * <p>Patterns: {@code java.lang.Thread#sleep} (a method of a class),
 * {@code java.util.concurrent.CountDownLatch} (any use of a class),
 * {@code java.util.concurrent.locks.*} (any class of a package); and
 * {@code synchronized} blocks and methods when the spec says so. Method
 * references ({@code Thread::sleep}) are found in the constant pool.
 *
 * <p>Where a statement says "only" (day 30: queues and atomics only), a
 * deny-list always misses something ({@code CompletableFuture},
 * {@code ExecutorService.close()}...): the spec's allow-list then forbids
 * every class of the named packages that it does not allow.
 */
public final class ForbiddenApiScan {

    /** One forbidden use: where, and what. */
    public record Use(String className, String method, int line, String what) {
        @Override
        public String toString() {
            return className + "." + method + (line > 0 ? " (line " + line + ")" : "") + ": " + what;
        }
    }

    private ForbiddenApiScan() {}

    /** Every class of the jar. */
    public static List<Use> scan(Path jar, ProblemSpec.Forbidden forbidden) throws IOException {
        return scan(DayScope.of(jar, null), forbidden);
    }

    /** The classes a day's judging may run (its package, shared code, what they use): not other days'. */
    public static List<Use> scan(DayScope scope, ProblemSpec.Forbidden forbidden) throws IOException {
        if (forbidden == null) {
            return List.of();
        }
        List<Use> uses = new ArrayList<>();
        try (ZipFile zip = new ZipFile(scope.jar().toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!scope.contains(e.getName())) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    scanClass(ClassFile.of().parse(in.readAllBytes()), forbidden, uses);
                }
            }
        }
        return uses;
    }

    private static void scanClass(ClassModel cls, ProblemSpec.Forbidden forbidden, List<Use> uses) {
        String className = cls.thisClass().asInternalName().replace('/', '.');
        Set<String> seenInCode = new LinkedHashSet<>();
        for (MethodModel m : cls.methods()) {
            String method = m.methodName().stringValue();
            if (forbidden.noSynchronized() && m.flags().has(AccessFlag.SYNCHRONIZED)) {
                uses.add(new Use(className, method, 0, "a synchronized method"));
            }
            var code = m.code();
            if (code.isEmpty()) {
                continue;
            }
            int line = 0;
            for (CodeElement el : code.get()) {
                switch (el) {
                    case LineNumber ln -> line = ln.line();
                    case InvokeInstruction inv -> check(forbidden, owner(inv.owner()), inv.name().stringValue(),
                            className, method, line, uses, seenInCode);
                    case FieldInstruction f -> check(forbidden, owner(f.owner()), null, className, method, line,
                            uses, seenInCode);
                    case NewObjectInstruction n -> check(forbidden, owner(n.className()), null, className, method,
                            line, uses, seenInCode);
                    case MonitorInstruction mon when forbidden.noSynchronized()
                            && mon.opcode() == java.lang.classfile.Opcode.MONITORENTER ->
                            uses.add(new Use(className, method, line, "a synchronized block"));
                    default -> { }
                }
            }
        }
        // Method references and class literals live only in the constant pool.
        for (PoolEntry entry : cls.constantPool()) {
            if (entry instanceof MemberRefEntry ref) {
                check(forbidden, owner(ref.owner()), ref.name().stringValue(), className, "(method reference)", 0,
                        uses, seenInCode);
            } else if (entry instanceof ClassEntry c && !c.asInternalName().startsWith("[")) {
                check(forbidden, owner(c), null, className, "(type reference)", 0, uses, seenInCode);
            }
        }
    }

    private static void check(ProblemSpec.Forbidden forbidden, String owner, String member, String className,
                              String method, int line, List<Use> uses, Set<String> seen) {
        String what = denied(forbidden, owner, member);
        if (what == null) {
            return;
        }
        // Code references come first, with their line; the constant pool only adds what code did not show.
        boolean fromPool = method.startsWith("(");
        if (!seen.add(what) && fromPool) {
            return;
        }
        uses.add(new Use(className, method, line, what));
    }

    /** What the rules forbid in this reference (deny-list first, then the allow-list), or null. */
    static String denied(ProblemSpec.Forbidden forbidden, String owner, String member) {
        for (String pattern : forbidden.apis()) {
            String what = matches(pattern, owner, member);
            if (what != null) {
                return what;
            }
        }
        ProblemSpec.Only only = forbidden.only();
        if (only == null || only.packages().stream().noneMatch(p -> owner.startsWith(p + "."))
                || only.allowed().stream().anyMatch(a -> matches(a, owner, member) != null)) {
            return null;
        }
        int nested = owner.indexOf('$');
        return (nested < 0 ? owner : owner.substring(0, nested)) + " (not among the allowed classes of "
                + String.join(", ", only.packages()) + ")";
    }

    /** What the pattern forbids in this reference, or null. */
    static String matches(String pattern, String owner, String member) {
        int hash = pattern.indexOf('#');
        if (hash >= 0) {
            String cls = pattern.substring(0, hash);
            String name = pattern.substring(hash + 1);
            return owner.equals(cls) && name.equals(member) ? cls + "." + name : null;
        }
        if (pattern.endsWith(".*")) {
            String pkg = pattern.substring(0, pattern.length() - 1);
            return owner.startsWith(pkg) && owner.indexOf('.', pkg.length()) < 0 ? owner : null;
        }
        return owner.equals(pattern) || owner.startsWith(pattern + "$") ? pattern : null;
    }

    private static String owner(ClassEntry entry) {
        return entry.asInternalName().replace('/', '.');
    }
}
