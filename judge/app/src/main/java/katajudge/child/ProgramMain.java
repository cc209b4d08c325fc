package katajudge.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import katajudge.protocol.Event;
import katajudge.protocol.ProgramConfig;
import katajudge.protocol.ThreadSnapshot;
import katajudge.report.ConsoleReport;
import katajudge.report.Style;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;

/**
 * The child JVM of {@code judge run}: runs any program's {@code main} under
 * the agent, with the program's own standard streams, and tells a person on
 * standard error, Go style, when all its threads are asleep (deadlock), when
 * it runs past its time, and which threads were still alive at the end,
 * with where each was created.
 *
 * <p>Exit code: the program's, or 2 after a deadlock (as Go's runtime), 3
 * after the time limit.
 */
public final class ProgramMain implements FindingSink {

    static final int DEADLOCK_EXIT = 2;
    static final int TIMEOUT_EXIT = 3;

    private final ProgramConfig config;
    private final PrintStream err = System.err;
    private final ConsoleReport report = new ConsoleReport(System.err, Style.detect());

    private ProgramMain(ProgramConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        ProgramConfig config = new ObjectMapper().readValue(Path.of(args[0]).toFile(), ProgramConfig.class);
        System.exit(new ProgramMain(config).run());
    }

    private int run() throws Exception {
        if (!ThreadRegistry.selfTestPassed() || !ThreadRegistry.agentProblems().isEmpty()) {
            err.println("judge run: the agent is not working: " + ThreadRegistry.agentProblems());
            return 70;
        }
        ClassLoader loader = new URLClassLoader(Snapshots.LEARNER_LOADER_NAME,
                new URL[] {Path.of(config.jar()).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Method main = Class.forName(config.mainClass(), true, loader).getMethod("main", String[].class);
        ThreadRegistry.setLearnerLoader(loader);
        ThreadRegistry.setRefuseExits(false);
        Recorder.startFromProperty();
        Thread.currentThread().setContextClassLoader(loader);
        Watchdog watchdog = new Watchdog(this, config.deadlockWindowMs(), 0, Integer.MAX_VALUE);
        watchdog.start();
        Thread root = Thread.currentThread();
        ThreadRegistry.beginRegion(root, "main");
        watchdog.enter(new Phase("main", root, System.nanoTime(), config.timeoutMs()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::reportAliveAtExit, "judge-exit-report"));
        int status = 0;
        try {
            main.invoke(null, (Object) config.args().toArray(String[]::new));
        } catch (InvocationTargetException e) {
            err.print("Exception in thread \"main\" ");
            e.getCause().printStackTrace(err);
            status = 1;
        }
        // Like the JVM, wait for the program's non-daemon threads; the watchdog still watches.
        for (TrackedThread t : learnerThreads()) {
            if (!t.thread.isDaemon()) {
                t.thread.join();
            }
        }
        return status;
    }

    /** Daemon threads (and any other) still alive when the program ends: reported with their creation sites. */
    private void reportAliveAtExit() {
        List<TrackedThread> alive = LeakCheck.leaked(config.lingerMs()).stream()
                .filter(t -> t.thread != Thread.currentThread()).toList();
        if (!alive.isEmpty()) {
            err.println();
            err.println("judge run: " + alive.size() + " thread" + (alive.size() == 1 ? "" : "s")
                    + " still alive at exit (the JVM ends them abruptly):");
            report.printThreads(alive.stream().map(Snapshots::of).toList());
        }
    }

    private static List<TrackedThread> learnerThreads() {
        return ThreadRegistry.live().stream().filter(t -> t.owner == TrackedThread.Owner.LEARNER).toList();
    }

    // ------------------------------------------------------------------ findings, for a person

    @Override
    public void report(Event event) {
        // run mode does not watch busy waiting
    }

    @Override
    public void abort(Event event) {
        err.println();
        int code = TIMEOUT_EXIT;
        switch (event) {
            case Event.Deadlock d -> {
                err.println("judge run: " + d.summary());
                err.println();
                report.printThreads(d.threads());
                code = DEADLOCK_EXIT;
            }
            case Event.Timeout t -> {
                err.println("judge run: still running after " + t.elapsedMs() + " ms (limit " + t.limitMs()
                        + " ms); its threads now:");
                report.printThreads(t.threads());
            }
            default -> err.println("judge run: stopped: " + event);
        }
        err.flush();
        Recorder.dumpAndStop();
        Runtime.getRuntime().halt(code);
    }

    @Override
    public void fault(String message) {
        err.println("judge run: " + message);
    }

    static List<ThreadSnapshot> snapshots(List<TrackedThread> threads) {
        return threads.stream().map(Snapshots::of).toList();
    }
}
