package katajudge.agent;

import katajudge.runtime.ThreadRegistry;
import net.bytebuddy.asm.Advice;

/**
 * The advice woven into JDK classes. Each body is copied into the JDK
 * method, so it may only reference the bootstrap runtime; {@code suppress}
 * keeps a fault of ours from ever changing the learner's program.
 */
final class Advices {

    private Advices() {}

    /** Thread#start(), Thread#start(ThreadContainer), VirtualThread#start(ThreadContainer). */
    static final class Start {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread self) {
            ThreadRegistry.onStart(self);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Thread self, @Advice.Thrown Throwable thrown) {
            if (thrown != null) {
                ThreadRegistry.onStartFailed(self);
            }
        }
    }

    /** Thread#exit() (platform threads) and VirtualThread#afterDone(boolean). */
    static final class End {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread self) {
            ThreadRegistry.onEnd(self);
        }
    }

    /** LockSupport.park*: only the untimed park() and park(Object) wait forever. */
    static final class Park {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Origin("#m") String method) {
            ThreadRegistry.onWaitBegin("park", !method.equals("park"));
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadRegistry.onWaitEnd();
        }
    }

    /** Thread.sleepNanos(long): every Thread.sleep overload, both kinds of thread. */
    static final class Sleep {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            ThreadRegistry.onWaitBegin("sleep", true);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadRegistry.onWaitEnd();
        }
    }

    /** Object.wait(long): Java code in JDK 25, only wait0 is native. */
    static final class Wait {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) long timeoutMillis) {
            ThreadRegistry.onWaitBegin("wait", timeoutMillis > 0);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadRegistry.onWaitEnd();
        }
    }

    /** Runtime#exit(int) and Runtime#halt(int): not suppressed, the refusal must reach the caller. */
    static final class Exit {
        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) int status) {
            ThreadRegistry.onExitRequest(status);
        }
    }
}
