package katajudge.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import katajudge.runtime.AgentHealth;
import katajudge.runtime.Schedule;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Weaves {@link Schedule#point()} into the learner's classes, and only
 * theirs, at the synchronisation points where another interleaving can
 * change the outcome: before each field read or write, {@code monitorenter},
 * call into {@code java.util.concurrent}, {@code wait}/{@code notify},
 * {@code Thread.start}/{@code join} and call of the learner's own methods
 * (a synchronized method takes its lock there); after {@code Thread.start}
 * and {@code monitorexit}. Classes are woven as they load, while a schedule
 * names their class loader ({@link Schedule#weaves}); any other class is
 * passed through untouched at the cost of one comparison.
 *
 * <p>Transforming the learner's bytecode is what reaches {@code next++} on a
 * field (a read and a write with no JDK call in between), which no advice
 * in the JDK could.
 */
final class LearnerWeaver implements ClassFileTransformer {

    /** The exported door to {@link Schedule#point()}: woven learner code may call nothing else of the runtime. */
    private static final String SCHEDULE = katajudge.runtime.point.SchedulePoint.class.getName().replace('.', '/');
    private static final Set<String> MONITOR_METHODS = Set.of("wait", "notify", "notifyAll");
    private static final Set<String> THREAD_METHODS = Set.of("start", "join", "yield", "onSpinWait");

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (redefined != null || !Schedule.weaves(loader)) {
            return null;
        }
        try {
            return weave(bytes);
        } catch (RuntimeException | LinkageError e) {
            AgentHealth.reportAgentProblem("cannot weave schedule points into " + className + ": " + e);
            return null; // the class runs unexplored rather than not at all
        }
    }

    static byte[] weave(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        // A point takes no stack and changes no frame: the original frames and max sizes stay right.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                // A class initializer runs once, under the JVM's own lock: nothing to interleave there.
                return name.equals("<clinit>") ? mv : new PointInserter(mv);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Inserts the calls into one method's code. */
    private static final class PointInserter extends MethodVisitor {

        PointInserter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        private void point() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SCHEDULE, "point", "()V", false);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (!name.equals("$assertionsDisabled")) {
                point();
            }
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                point();
            }
            super.visitInsn(opcode);
            if (opcode == Opcodes.MONITOREXIT) {
                point();
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            boolean sync = isSynchronisation(owner, name);
            if (sync) {
                point();
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (sync && owner.equals("java/lang/Thread") && name.equals("start")) {
                point(); // the parent held back right after the start lets the child run first
            }
        }

        private static boolean isSynchronisation(String owner, String name) {
            if (owner.startsWith("java/util/concurrent/")) {
                return true;
            }
            if (owner.equals("java/lang/Object")) {
                return MONITOR_METHODS.contains(name);
            }
            if (owner.equals("java/lang/Thread") || owner.equals("java/lang/Thread$Builder")
                    || owner.startsWith("java/lang/Thread$Builder$")) {
                return THREAD_METHODS.contains(name) || name.equals("start") || name.equals("unstarted");
            }
            // The learner's own methods (a synchronized one takes its monitor at the call); not the rest of
            // the JDK (strings, collections, printing), which has no synchronisation of the learner's.
            return !(owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/")
                    || owner.startsWith("sun/") || owner.startsWith("["));
        }
    }
}
