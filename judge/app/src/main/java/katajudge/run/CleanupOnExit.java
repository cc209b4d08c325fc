package katajudge.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a judging must not leave behind when the judge is stopped half-way
 * (Ctrl-C, a SIGTERM from CI): child JVMs and their process trees, temporary
 * run folders, a result file being written, a child's control groups. A JVM that is stopped runs its
 * shutdown hooks but no {@code finally} block, so whatever holds such a thing
 * tracks it here for the time it lives, and one hook cleans up what is left.
 *
 * <p>The hook first marks the judge as {@link #stopping()}: a judging whose
 * child was killed by the hook must not be scored and saved as if the
 * learner's code had died.
 */
public final class CleanupOnExit {

    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();
    private static final Set<AutoCloseable> RESOURCES = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("judge-cleanup").unstarted(CleanupOnExit::run));
    }

    private CleanupOnExit() {}

    /** Kills {@code process} and its descendants if the judge stops before {@link #forget(Process)}. */
    public static void track(Process process) {
        PROCESSES.add(process);
    }

    public static void forget(Process process) {
        PROCESSES.remove(process);
    }

    /** Deletes {@code path} (a file or a whole folder) if the judge stops before {@link #forget(Path)}. */
    public static void track(Path path) {
        PATHS.add(path);
    }

    public static void forget(Path path) {
        PATHS.remove(path);
    }

    /** Closes {@code resource} (a child's control groups) if the judge stops before {@link #forget(AutoCloseable)}. */
    public static void track(AutoCloseable resource) {
        RESOURCES.add(resource);
    }

    public static void forget(AutoCloseable resource) {
        RESOURCES.remove(resource);
    }

    /** True once the judge is being stopped: nothing it observes from then on is the learner's doing. */
    public static boolean stopping() {
        return stopping;
    }

    private static void run() {
        stopping = true;
        if (PROCESSES.isEmpty() && PATHS.isEmpty() && RESOURCES.isEmpty()) {
            return;
        }
        System.err.println("judge: stopped; the judging is abandoned and no result is saved");
        PROCESSES.forEach(ChildProcess::killTree);
        for (AutoCloseable r : RESOURCES) {
            try {
                r.close();
            } catch (Exception e) {
                // the judge is going: what cannot be closed stays
            }
        }
        for (Path p : PATHS) {
            if (Files.isDirectory(p)) {
                ChildProcess.deleteTree(p);
            } else {
                p.toFile().delete();
            }
        }
    }
}
