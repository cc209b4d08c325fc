package katajudge.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one instrumentation table: every JDK method the agent weaves, which
 * advice it gets, and for the guard's file rows which arguments are written
 * to. The agent's list of classes to load and cache, the weaver's matchers
 * and the guard's dispatch are all read from here, so they cannot drift apart
 * (BlockHound keeps its blocking methods as data in one map the same way).
 * The agent's {@code HooksTest} weaves every row and checks that the woven
 * method calls the runtime entry its advice names, and that every entry
 * point of the runtime is reached by some row.
 *
 * <p>Private JDK names (Thread.sleepNanos, VirtualThread.afterDone,
 * UnixChannelFactory, ...) are those of JDK 22 and later: the agent refuses
 * older JDKs, and a row that matches no method fails the test.
 */
public final class Hooks {

    private Hooks() {}

    /**
     * The advice a row gets: the weaver maps each to its advice class (an
     * exhaustive switch), and each names the runtime method its advice calls.
     */
    public enum Advice {
        THREAD_START("ThreadRegistry", "onStart", "onStartFailed"),
        THREAD_END("ThreadRegistry", "onEnd"),
        UNCAUGHT("ThreadRegistry", "onUncaught"),
        PARK("ThreadWaits", "onWaitBegin", "onWaitEnd"),
        PARK_NANOS("ThreadWaits", "onWaitBegin", "onWaitEnd"),
        PARK_NANOS_WITH_BLOCKER("ThreadWaits", "onWaitBegin", "onWaitEnd"),
        PARK_UNTIL("ThreadWaits", "onWaitBegin", "onWaitEnd"),
        SLEEP("ThreadWaits", "onWaitBegin", "onWaitEnd"),
        WAIT("ThreadWaits", "onWaitBegin", "onWaitEnd"),
        EXIT("Refusals", "onExitRequest"),
        FILE("Guard", "onFileOperation"),
        NETWORK("Guard", "onNetwork"),
        PROCESS_START("Guard", "onProcessStart"),
        PROCESS_DESTROY("Guard", "onProcessDestroy"),
        SET_ACCESSIBLE("Refusals", "onSetAccessible"),
        PRIVATE_LOOKUP("Refusals", "onSetAccessible");

        /** The runtime class (simple name, package {@code katajudge.runtime}) and the methods the advice calls. */
        public final String runtimeClass;
        public final List<String> runtimeMethods;

        Advice(String runtimeClass, String... runtimeMethods) {
            this.runtimeClass = runtimeClass;
            this.runtimeMethods = List.of(runtimeMethods);
        }
    }

    /** Which parameters a row's methods take: any, a number of them, or exactly these types. */
    public sealed interface Params {
        record Any() implements Params {}

        record Count(int n) implements Params {}

        /** Type names as {@link Class#getName()} spells them ({@code long}, {@code java.lang.Object}). */
        record Types(List<String> names) implements Params {}
    }

    /** A modifier the row's methods must have, beyond their name and parameters. */
    public enum Modifier { ANY, STATIC, PUBLIC }

    /**
     * What a file row writes to, for the guard: which arguments are paths it
     * changes (the message names the method, or the verb given here).
     */
    public enum FileWrite {
        /** Not a file row. */
        NONE,
        /** Argument 0 is the path changed (delete, create, chmod, open of FileOutputStream). */
        FIRST_ARGUMENT,
        /** RandomAccessFile.open(name, mode): a write when the mode is not read-only. */
        OPEN_MODE,
        /** UnixChannelFactory.newFileChannel(..., path, ..., options, ...): a write when an option writes. */
        OPEN_OPTIONS,
        /** copy(source, target, ...): the target. */
        COPY,
        /** move or rename(source, target): both. */
        MOVE,
        /** createSymbolicLink or createLink(link, target): the link, and the target it reaches. */
        LINK
    }

    /**
     * One row: the methods named {@code methods} of {@code type} taking
     * {@code params} with {@code modifier} get {@code advice}.
     */
    public record Hook(String type, List<String> methods, Params params, Modifier modifier, Advice advice,
                       FileWrite fileWrite) {
        public Hook {
            methods = List.copyOf(methods);
            if ((advice == Advice.FILE) != (fileWrite != FileWrite.NONE)) {
                throw new IllegalArgumentException("a file row, and only a file row, says what it writes: " + this);
            }
        }
    }

    private static final Params ANY = new Params.Any();

    private static Params count(int n) {
        return new Params.Count(n);
    }

    private static Params types(String... names) {
        return new Params.Types(List.of(names));
    }

    private static Hook hook(String type, String method, Params params, Advice advice) {
        return new Hook(type, List.of(method), params, Modifier.ANY, advice, FileWrite.NONE);
    }

    private static Hook file(String type, String method, Params params, FileWrite write) {
        return new Hook(type, List.of(method), params, Modifier.ANY, Advice.FILE, write);
    }

    /** The table. Order matters only for reading: rows of one class are woven together. */
    public static final List<Hook> TABLE = List.of(
            // Threads: start and end (both kinds), sleeps, uncaught exceptions.
            hook("java.lang.Thread", "start", count(0), Advice.THREAD_START),
            hook("java.lang.Thread", "start", count(1), Advice.THREAD_START), // start(ThreadContainer)
            hook("java.lang.Thread", "exit", count(0), Advice.THREAD_END),
            new Hook("java.lang.Thread", List.of("sleepNanos"), ANY, Modifier.STATIC, Advice.SLEEP, FileWrite.NONE),
            hook("java.lang.Thread", "dispatchUncaughtException", ANY, Advice.UNCAUGHT),
            hook("java.lang.VirtualThread", "start", count(1), Advice.THREAD_START),
            hook("java.lang.VirtualThread", "afterDone", count(1), Advice.THREAD_END),
            // ThreadWaits: every park, and Object.wait(long) (Java code in JDK 25, only wait0 is native).
            hook("java.util.concurrent.locks.LockSupport", "park", ANY, Advice.PARK),
            hook("java.util.concurrent.locks.LockSupport", "parkNanos", types("long"), Advice.PARK_NANOS),
            hook("java.util.concurrent.locks.LockSupport", "parkNanos", types("java.lang.Object", "long"),
                    Advice.PARK_NANOS_WITH_BLOCKER),
            hook("java.util.concurrent.locks.LockSupport", "parkUntil", ANY, Advice.PARK_UNTIL),
            hook("java.lang.Object", "wait", types("long"), Advice.WAIT),
            // Ending the JVM.
            new Hook("java.lang.Runtime", List.of("exit", "halt"), types("int"), Modifier.ANY, Advice.EXIT,
                    FileWrite.NONE),
            // File-system changes, java.io and NIO.
            file("java.io.FileOutputStream", "open", count(2), FileWrite.FIRST_ARGUMENT),
            file("java.io.RandomAccessFile", "open", count(2), FileWrite.OPEN_MODE),
            new Hook("java.io.UnixFileSystem", List.of("delete", "createDirectory", "createFileExclusively",
                    "setPermission", "setLastModifiedTime", "setReadOnly"), ANY, Modifier.PUBLIC, Advice.FILE,
                    FileWrite.FIRST_ARGUMENT),
            new Hook("java.io.UnixFileSystem", List.of("rename"), ANY, Modifier.PUBLIC, Advice.FILE, FileWrite.MOVE),
            file("sun.nio.fs.UnixChannelFactory", "newFileChannel", ANY, FileWrite.OPEN_OPTIONS),
            new Hook("sun.nio.fs.UnixFileSystemProvider", List.of("implDelete", "createDirectory"), ANY,
                    Modifier.ANY, Advice.FILE, FileWrite.FIRST_ARGUMENT),
            file("sun.nio.fs.UnixFileSystemProvider", "copy", ANY, FileWrite.COPY),
            file("sun.nio.fs.UnixFileSystemProvider", "move", ANY, FileWrite.MOVE),
            new Hook("sun.nio.fs.UnixFileSystemProvider", List.of("createSymbolicLink", "createLink"), ANY,
                    Modifier.ANY, Advice.FILE, FileWrite.LINK),
            // Network: loopback only.
            hook("sun.nio.ch.Net", "connect", ANY, Advice.NETWORK),
            new Hook("sun.nio.ch.DatagramChannelImpl", List.of("send"), ANY, Modifier.PUBLIC, Advice.NETWORK,
                    FileWrite.NONE),
            // Processes: none started, none destroyed (ProcessHandle's and Process's destroy both end here).
            hook("java.lang.ProcessBuilder", "start", count(0), Advice.PROCESS_START),
            hook("java.lang.ProcessHandleImpl", "destroyProcess", types("boolean"), Advice.PROCESS_DESTROY),
            // Reflection into the judge.
            hook("java.lang.reflect.AccessibleObject", "checkCanSetAccessible", count(3), Advice.SET_ACCESSIBLE),
            hook("java.lang.invoke.MethodHandles", "privateLookupIn", count(2), Advice.PRIVATE_LOOKUP));

    private static final Map<String, Hook> BY_METHOD = byMethod();

    private static Map<String, Hook> byMethod() {
        Map<String, Hook> out = new LinkedHashMap<>();
        for (Hook h : TABLE) {
            for (String m : h.methods()) {
                Hook before = out.putIfAbsent(h.type() + "." + m, h);
                if (before != null && before.fileWrite() != h.fileWrite()) {
                    throw new IllegalStateException("two file rows disagree on " + h.type() + "." + m);
                }
            }
        }
        return out;
    }

    /** The classes to instrument, each once, in table order. */
    public static List<String> types() {
        return TABLE.stream().map(Hook::type).distinct().toList();
    }

    /** The rows of one class. */
    public static List<Hook> of(String type) {
        return TABLE.stream().filter(h -> h.type().equals(type)).toList();
    }

    /** The row of a woven method, by its class and method name ({@code java.io.RandomAccessFile.open}); or null. */
    public static Hook at(String typeAndMethod) {
        return BY_METHOD.get(typeAndMethod);
    }
}
