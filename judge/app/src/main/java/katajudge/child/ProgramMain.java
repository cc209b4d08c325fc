package katajudge.child;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import katajudge.protocol.Event;
import katajudge.protocol.Policy;
import katajudge.protocol.ProgramConfig;
import katajudge.protocol.ThreadSnapshot;
import katajudge.report.ConsoleReport;
import katajudge.report.Style;
import katajudge.runtime.AgentHealth;
import katajudge.runtime.Callers;
import katajudge.runtime.Refusals;
import katajudge.runtime.Schedule;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;

/**
 * The child JVM of {@code judge run}: runs any program's {@code main} under
 * the agent, with the program's own standard streams, and tells a person on
 * standard error, Go style, when all its threads are asleep (deadlock), when
 * it runs past its time, and which threads were still alive at the end,
 * with where each was created.
 *
 * <p>The program runs as under {@code java -ea}: its {@code main} on a thread
 * called {@code main}, alone in a thread group called {@code main} (the
 * judge's threads are elsewhere, so {@code Thread.activeCount()} and thread
 * names are what the program would see without the judge).
 *
 * <p>Exploring ({@link ProgramConfig#schedules()} &gt; 0), it runs the
 * program again and again, each time in a fresh class loader (fresh static
 * state) under a different seeded schedule ({@link Schedule}), and stops at
 * the first schedule that fails: an uncaught exception or failed assertion
 * in any thread, a deadlock, a time-out, or a non-zero {@code System.exit}.
 * It prints that schedule's seed, with which {@code --seed} replays it, and
 * the step (synchronisation point) at which it failed.
 *
 * <p>Exit code: the program's; 1 when an uncaught exception ended any of its
 * threads; 2 after a deadlock (as Go's runtime); 3 after the time limit.
 */
public final class ProgramMain implements FindingSink {

    static final int UNCAUGHT_EXIT = 1;
    static final int DEADLOCK_EXIT = 2;
    static final int TIMEOUT_EXIT = 3;
    /** Seeds of successive schedules: far apart in a {@link java.util.SplittableRandom}'s eyes. */
    private static final long SCHEDULE_STRIDE = 0x9E3779B97F4A7C15L;
    private static final long EXPLORATION_STRIDE = 0xD1B54A32D192ED03L;

    /** How one run of the program ended. */
    sealed interface Outcome {
        /** It ran to its end; {@code status} is 0 or 1 (main threw). */
        record Ended(int status) implements Outcome {}

        /** The watchdog stopped it: a deadlock or the time limit. */
        record Stopped(Event event) implements Outcome {}
    }

    private final ProgramConfig config;
    private final PrintStream err = System.err;
    private final ConsoleReport report = new ConsoleReport(System.err, Style.detect());
    private final ThreadGroup programGroup;
    private volatile CompletableFuture<Outcome> current;
    /** The schedule in progress, for the exit report; -1 when not exploring. */
    private volatile int scheduleIndex = -1;

    private ProgramMain(ProgramConfig config) {
        this.config = config;
        ThreadGroup system = Thread.currentThread().getThreadGroup();
        while (system.getParent() != null) {
            system = system.getParent();
        }
        this.programGroup = system;
    }

    public static void main(String[] args) throws Exception {
        ProgramConfig config = katajudge.protocol.ProtocolJson.read(java.nio.file.Files.readString(Path.of(args[0])), ProgramConfig.class);
        int code = new ProgramMain(config).run();
        // Dump the recording (judge run --html) before exiting: dumped from a shutdown hook it races JFR's
        // own hook, which can remove the chunk files first. A program's own System.exit still takes the hook.
        Recorder.dumpAndStop();
        System.exit(code);
    }

    private boolean exploring() {
        return config.schedules() > 0;
    }

    private int run() throws Exception {
        if (!AgentHealth.selfTestPassed() || !AgentHealth.agentProblems().isEmpty()) {
            err.println("judge run: the agent is not working: " + AgentHealth.agentProblems());
            return 70;
        }
        Refusals.setRefuseExits(false);
        katajudge.runtime.ThreadStacks.setBounding(false); // a program of one's own gets the stack it asks for
        Recorder.startFromProperty(); // dumped by its own exit hook: the JVM ends with System.exit
        Watchdog watchdog = new Watchdog(this, Policy.DEFAULT, config.deadlockWindowMs(), 0, Integer.MAX_VALUE);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::reportAtExit, "judge-exit-report"));
        if (!exploring()) {
            Outcome outcome = runOnce(watchdog, null);
            if (outcome instanceof Outcome.Stopped s) {
                int code = printStop(s.event());
                abandonThreads(); // already shown: not again as "alive at exit"
                return code;
            }
            return statusOf(outcome);
        }
        int code = 0;
        for (int e = 0; e < config.explorations(); e++) {
            code = explore(watchdog, config.seed() + e * EXPLORATION_STRIDE);
        }
        return code;
    }

    /** One exploration: up to {@code schedules} runs from one base seed, stopping at the first failure. */
    private int explore(Watchdog watchdog, long base) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < config.schedules(); i++) {
            long seed = base + i * SCHEDULE_STRIDE;
            scheduleIndex = i;
            Outcome outcome = runOnce(watchdog, seed);
            long step = Schedule.failureStep();
            List<String> uncaught = ThreadRegistry.drainUncaught();
            int code = outcome instanceof Outcome.Stopped s ? printStop(s.event()) : statusOf(outcome, uncaught);
            if (code != 0) {
                err.printf("judge run: schedule %d of %d failed (seed %d, step %d, %d ms into the exploration)%n",
                        i + 1, config.schedules(), seed, step, (System.nanoTime() - started) / 1_000_000);
                err.println("judge run: replay it with --seed " + seed);
                abandonThreads();
                return code;
            }
            forgetLeftovers();
        }
        scheduleIndex = -1;
        err.printf("judge run: no failure in %d schedules (seeds from %d, %d ms)%n", config.schedules(), base,
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    /**
     * Runs the program's {@code main} once, on a fresh thread named {@code main} in a thread group of its
     * own, under the schedule {@code seed} (null: no exploring), and waits until it and its non-daemon
     * threads end or the watchdog stops it.
     */
    private Outcome runOnce(Watchdog watchdog, Long seed) throws Exception {
        URLClassLoader loader = new URLClassLoader(Snapshots.LEARNER_LOADER_NAME,
                new URL[] {Path.of(config.jar()).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        loader.setDefaultAssertionStatus(config.assertions());
        Callers.setLearnerLoader(loader);
        if (seed != null) {
            Schedule.begin(seed, loader); // before the first class loads: the weaving happens at load
        }
        Method main = Class.forName(config.mainClass(), true, loader).getMethod("main", String[].class);
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        current = done;
        Thread root = new Thread(new ThreadGroup(programGroup, "main"), () -> done.complete(runMain(main)), "main");
        root.setContextClassLoader(loader);
        ThreadRegistry.beginRegion(root, "main");
        watchdog.enter(new Phase("main", root, System.nanoTime(), config.timeoutMs()));
        root.start();
        Outcome outcome = done.join();
        watchdog.leave();
        Schedule.end();
        return outcome;
    }

    /** On the program's main thread: main, then (like the JVM) a wait for the program's non-daemon threads. */
    private Outcome.Ended runMain(Method main) {
        int status = 0;
        try {
            main.invoke(null, (Object) config.args().toArray(String[]::new));
        } catch (InvocationTargetException e) {
            Schedule.noteFailure();
            err.print("Exception in thread \"main\" ");
            e.getCause().printStackTrace(err);
            status = UNCAUGHT_EXIT;
        } catch (ReflectiveOperationException e) {
            err.println("judge run: cannot call " + config.mainClass() + ".main: " + e);
            status = UNCAUGHT_EXIT;
        }
        try {
            for (TrackedThread t : learnerThreads()) {
                if (!t.thread.isDaemon()) {
                    t.thread.join();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Outcome.Ended(status);
    }

    private int statusOf(Outcome outcome) {
        return statusOf(outcome, ThreadRegistry.drainUncaught());
    }

    /** 1 when main or any other thread of the program died of an exception (the JVM says 0 for the others). */
    private int statusOf(Outcome outcome, List<String> uncaught) {
        int status = ((Outcome.Ended) outcome).status();
        if (status == 0 && !uncaught.isEmpty()) {
            err.println();
            err.println("judge run: " + String.join("; ", uncaught));
            return UNCAUGHT_EXIT;
        }
        return status;
    }

    /** After a failed schedule the rest of the exploration is not run; a later exploration must not see it. */
    private void abandonThreads() {
        ThreadRegistry.endRegion();
        for (TrackedThread t : ThreadRegistry.live()) {
            ThreadRegistry.forget(t);
        }
    }

    /** Daemon threads a passing schedule left behind: not the next schedule's. */
    private void forgetLeftovers() {
        ThreadRegistry.endRegion();
        for (TrackedThread t : learnerThreads()) {
            ThreadRegistry.forget(t);
        }
    }

    /** At exit: daemon threads (and any other) still alive, and an exit the program asked for mid-exploration. */
    private void reportAtExit() {
        int schedule = scheduleIndex;
        if (schedule >= 0 && current != null && !current.isDone()) {
            err.printf("%njudge run: the program ended the JVM in schedule %d of %d (seed %d, step %d)%n",
                    schedule + 1, config.schedules(), Schedule.seed(), Schedule.steps());
            err.println("judge run: replay it with --seed " + Schedule.seed());
        }
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
        CompletableFuture<Outcome> run = current;
        if (run != null) {
            run.complete(new Outcome.Stopped(event));
        }
    }

    /** Prints what stopped the run; returns the exit code that says so. */
    private int printStop(Event event) {
        err.println();
        switch (event) {
            case Event.Deadlock d -> {
                err.println("judge run: " + d.summary());
                err.println();
                report.printThreads(d.threads());
                return DEADLOCK_EXIT;
            }
            case Event.Timeout t -> {
                err.println("judge run: still running after " + t.elapsedMs() + " ms (limit " + t.limitMs()
                        + " ms); its threads now:");
                report.printThreads(t.threads());
                return TIMEOUT_EXIT;
            }
            default -> {
                err.println("judge run: stopped: " + event);
                return TIMEOUT_EXIT;
            }
        }
    }

    @Override
    public void fault(String message) {
        err.println("judge run: " + message);
    }

    static List<ThreadSnapshot> snapshots(List<TrackedThread> threads) {
        return threads.stream().map(Snapshots::of).toList();
    }
}
