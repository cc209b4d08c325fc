package katajudge.agent;

import katajudge.runtime.Guard;
import katajudge.runtime.Refusals;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.ThreadWaits;
import net.bytebuddy.asm.Advice;

/**
 * The advice woven into JDK classes, one class per {@link katajudge.runtime.Hooks.Advice}
 * (the weaver maps them; the table says where each goes). Each body is copied into the JDK
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

    /** LockSupport.park() and park(Object): a wait without a timeout. */
    static final class Park {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            ThreadWaits.onWaitBegin("park", -1);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadWaits.onWaitEnd();
        }
    }

    /** LockSupport.parkNanos(long). */
    static final class ParkNanos {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) long nanos) {
            ThreadWaits.onWaitBegin("park", Math.max(0, nanos));
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadWaits.onWaitEnd();
        }
    }

    /** LockSupport.parkNanos(Object, long). */
    static final class ParkNanosWithBlocker {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(1) long nanos) {
            ThreadWaits.onWaitBegin("park", Math.max(0, nanos));
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadWaits.onWaitEnd();
        }
    }

    /** LockSupport.parkUntil(long) and parkUntil(Object, long): the deadline is the last argument. */
    static final class ParkUntil {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.AllArguments Object[] args) {
            long deadline = (Long) args[args.length - 1];
            ThreadWaits.onWaitBegin("park", Math.max(0, deadline - System.currentTimeMillis()) * 1_000_000L);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadWaits.onWaitEnd();
        }
    }

    /** Thread.sleepNanos(long): every Thread.sleep overload, both kinds of thread. */
    static final class Sleep {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) long nanos) {
            ThreadWaits.onWaitBegin("sleep", Math.max(0, nanos));
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadWaits.onWaitEnd();
        }
    }

    /** Object.wait(long): Java code in JDK 25, only wait0 is native. */
    static final class Wait {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) long timeoutMillis) {
            ThreadWaits.onWaitBegin("wait", timeoutMillis > 0 ? timeoutMillis * 1_000_000L : -1);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ThreadWaits.onWaitEnd();
        }
    }

    /** Runtime#exit(int) and Runtime#halt(int): not suppressed, the refusal must reach the caller. */
    static final class Exit {
        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) int status) {
            Refusals.onExitRequest(status);
        }
    }

    /** File-system changes (java.io and NIO): the guard refuses learner writes outside the run folder. */
    static final class FileOperation {
        @Advice.OnMethodEnter
        static void enter(@Advice.Origin("#t.#m") String where, @Advice.AllArguments Object[] args) {
            Guard.onFileOperation(where, args);
        }
    }

    /** sun.nio.ch.Net#connect and DatagramChannelImpl#send: loopback only. */
    static final class Network {
        @Advice.OnMethodEnter
        static void enter(@Advice.Origin("#t.#m") String where, @Advice.AllArguments Object[] args) {
            Guard.onNetwork(where, args);
        }
    }

    /** ProcessBuilder#start: no child processes. */
    static final class ProcessStart {
        @Advice.OnMethodEnter
        static void enter(@Advice.This ProcessBuilder self) {
            Guard.onProcessStart(self.command());
        }
    }

    /** ProcessHandleImpl#destroyProcess(boolean): no ending of processes the learner did not start. */
    static final class ProcessDestroy {
        @Advice.OnMethodEnter
        static void enter(@Advice.This ProcessHandle self) {
            Guard.onProcessDestroy(self.pid());
        }
    }

    /** AccessibleObject#checkCanSetAccessible(Class, Class, boolean): no reflection into the judge. */
    static final class SetAccessible {
        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) Class<?> caller, @Advice.Argument(1) Class<?> declaringClass) {
            Refusals.onSetAccessible(caller, declaringClass);
        }
    }

    /**
     * MethodHandles#privateLookupIn(Class, Lookup): a private lookup opens a
     * class as setAccessible does, without passing through it.
     */
    static final class PrivateLookup {
        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) Class<?> target, @Advice.Argument(1) java.lang.invoke.MethodHandles.Lookup caller) {
            Refusals.onSetAccessible(caller == null ? null : caller.lookupClass(), target);
        }
    }

    /** Thread#dispatchUncaughtException: learner threads dying of an exception are noted in the report. */
    static final class Uncaught {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread self, @Advice.Argument(0) Throwable e) {
            ThreadRegistry.onUncaught(self, e);
        }
    }
}
