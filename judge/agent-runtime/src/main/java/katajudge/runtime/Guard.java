package katajudge.runtime;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What learner code may not do in a judging, checked by advice woven into
 * the JDK's file, network and process entry points: write outside the run's
 * own folder, reach any address but loopback, start a process. The call
 * throws a SecurityException back into the learner's code, and the attempt
 * is recorded for the verdict. Code that is not the learner's (the JDK for
 * itself, the judge, the tests) is never stopped.
 *
 * <p>Each method first decides whether the operation would be refused at all
 * (cheap), and only then whether the caller is the learner (a stack walk).
 */
public final class Guard {

    private static volatile Path sandbox;

    private Guard() {}

    /** Turns the guard on: writes are allowed below {@code allowedDir} only. Judge code only. */
    public static void enable(Path allowedDir) {
        Callers.checkJudgeCaller();
        sandbox = allowedDir.toAbsolutePath().normalize();
    }

    /** {@code sun.nio.ch.Net#connect} and {@code DatagramChannelImpl#send}: loopback only. */
    public static void onNetwork(String where, Object[] args) {
        if (sandbox == null) {
            return;
        }
        for (Object a : args) {
            InetAddress address = a instanceof InetAddress ia ? ia
                    : a instanceof InetSocketAddress isa ? isa.getAddress() : null;
            if (address != null && !address.isLoopbackAddress() && !address.isAnyLocalAddress()
                    && Callers.callerIsLearner()) {
                Refusals.refuse("network", "a connection to " + address.getHostAddress()
                        + ": only loopback (127.0.0.1) is allowed, and no traffic left the machine");
            }
        }
    }

    /** {@code ProcessBuilder#start}: no child processes. */
    public static void onProcessStart(List<String> command) {
        if (sandbox != null && Callers.callerIsLearner()) {
            Refusals.refuse("process", "starting a process: " + String.join(" ", command));
        }
    }

    /**
     * {@code ProcessHandleImpl#destroyProcess}, behind {@code ProcessHandle}'s
     * and {@code Process}'s destroy and destroyForcibly: learner code may only
     * end a process its own code started, and while the guard is on it can
     * start none, so every destroy it asks for is refused. Without this,
     * {@code ProcessHandle.current().parent().destroyForcibly()} kills the
     * judging process when no OS sandbox hides it.
     */
    public static void onProcessDestroy(long pid) {
        if (sandbox != null && Callers.callerIsLearner()) {
            Refusals.refuse("process", "ending process " + pid
                    + ": a submission may not end a process it did not start");
        }
    }

    /**
     * File operations that change the file system: {@code where} is the woven
     * method ({@code java.io.RandomAccessFile.open}), whose row in
     * {@link Hooks#TABLE} says which of its arguments are written to.
     */
    public static void onFileOperation(String where, Object[] args) {
        Path root = sandbox;
        if (root == null) {
            return;
        }
        Hooks.Hook hook = Hooks.at(where);
        String method = where.substring(where.lastIndexOf('.') + 1);
        switch (hook == null ? Hooks.FileWrite.FIRST_ARGUMENT : hook.fileWrite()) {
            case NONE, FIRST_ARGUMENT -> check(root, args[0], method);
            case OPEN_MODE -> {
                if (((Integer) args[1] & 1) == 0) { // any mode but O_RDONLY writes
                    check(root, args[0], "open for writing");
                }
            }
            case OPEN_OPTIONS -> {
                Object path = null;
                boolean writes = false;
                for (Object a : args) {
                    if (a instanceof Path p) {
                        path = p;
                    } else if (a instanceof Set<?> options) {
                        writes = writes(options);
                    }
                }
                if (writes) {
                    check(root, path, "open for writing");
                }
            }
            case COPY -> check(root, args[1], "copy onto");
            case MOVE -> {
                check(root, args[0], "move");
                check(root, args[1], "move onto");
            }
            case LINK -> {
                check(root, args[0], "create a link at");
                // A link inside the run folder to a file outside it would let every later write through it
                // pass the check above: the target must be inside too (a relative one counts from the link).
                if (args[0] instanceof Path link && args[1] instanceof Path target) {
                    Path parent = link.toAbsolutePath().getParent();
                    check(root, parent == null ? target : parent.resolve(target), "link to");
                }
            }
        }
    }

    private static boolean writes(Collection<?> options) {
        for (Object o : options) {
            String name = String.valueOf(o);
            if (name.equals("WRITE") || name.equals("APPEND") || name.equals("CREATE") || name.equals("CREATE_NEW")
                    || name.equals("TRUNCATE_EXISTING") || name.equals("DELETE_ON_CLOSE")) {
                return true;
            }
        }
        return false;
    }

    private static void check(Path root, Object target, String what) {
        if (target == null) {
            return;
        }
        Path p;
        try {
            p = target instanceof Path path ? path : target instanceof File f ? f.toPath() : Path.of(target.toString());
            p = p.toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return; // not a path we can judge; the JDK will reject it itself
        }
        if (p.startsWith(root) || p.toString().equals("/dev/null")) {
            return;
        }
        if (Callers.callerIsLearner()) {
            Refusals.refuse("file", what + " " + p + ": a submission may only write below its run folder");
        }
    }
}
