package katajudge.child;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Event;
import katajudge.protocol.ThreadSnapshot;
import katajudge.runtime.AgentHealth;
import katajudge.runtime.Callers;
import katajudge.runtime.Guard;
import katajudge.runtime.Refusals;
import katajudge.runtime.Schedule;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;
import katas.support.Katas;
import katas.support.SpeedupWorkload;
import katas.support.Tolerance;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One judging inside the child JVM: load the submission in its own class
 * loader, run the hidden tests one region at a time under the watchdog,
 * check for leaks after each, time the workload against the baseline, and
 * report every finding on the event channel as it happens.
 */
final class ChildRun implements FindingSink {

    private final ChildConfig config;
    private final EventChannel channel;
    private OutputCapture output;
    private Watchdog watchdog;
    private ClassLoader problemLoader;
    private ClassLoader learnerLoader;
    private Class<?> api;
    private Class<?> implementation;

    /** The judge's side of standard input: after the channel's key, the go for the speedup runs. */
    private final JudgeLine fromJudge;

    ChildRun(ChildConfig config, EventChannel channel, JudgeLine fromJudge) {
        this.config = config;
        this.channel = channel;
        this.fromJudge = fromJudge;
    }

    /**
     * A run whose phases are entered with the given output capture (not installed) and watchdog (not
     * started, its findings going where the caller chose): for tests of {@link #beginPhase}, in-process.
     */
    ChildRun(ChildConfig config, OutputCapture output, Watchdog watchdog) {
        this(config, (EventChannel) null, null);
        this.output = output;
        this.watchdog = watchdog;
    }

    void execute() {
        try {
            output = OutputCapture.install(config.outputLimitBytes());
            List<String> problems = new ArrayList<>(AgentHealth.agentProblems());
            if (katajudge.runtime.ThreadStacks.unavailable() != null) {
                problems.add(katajudge.runtime.ThreadStacks.unavailable()); // judge run needs no bound; a judging does
            }
            if (config.instrumented() && (!AgentHealth.selfTestPassed() || !problems.isEmpty())) {
                fault("the judge agent is not working: " + problems);
                finish(true);
            }
            loadClasses();
            channel.send(new Event.Started(Runtime.version().toString(),
                    Runtime.getRuntime().availableProcessors(), implementation.getName()));
            watchdog = Watchdog.forKata(this, config);
            watchdog.start();
            boolean passed = runTests();
            Schedule.end(); // speed is measured on the natural schedule
            if (config.workload() != null) {
                if (passed) {
                    awaitTheMachine();
                    measureSpeedup();
                } else {
                    channel.send(Event.SpeedupMeasured.skipped("speed only counts once every hidden test passes"));
                }
            }
            finish(false);
        } catch (Throwable t) {
            fault("judge failure in the child: " + t);
            finish(true);
        }
    }

    // ------------------------------------------------------------------ setup

    private void loadClasses() throws IOException, ClassNotFoundException {
        fixTolerances();
        List<URL> problemUrls = new ArrayList<>();
        for (String jar : config.problemJars()) {
            problemUrls.add(Path.of(jar).toUri().toURL());
        }
        problemLoader = new URLClassLoader("kata-problems", problemUrls.toArray(URL[]::new),
                ChildRun.class.getClassLoader());
        Set<String> apiClasses = classNamesIn(config.problemJars().getFirst());
        learnerLoader = new URLClassLoader(Snapshots.LEARNER_LOADER_NAME,
                new URL[] {Path.of(config.submissionJar()).toUri().toURL()},
                new ApiOnlyLoader(problemLoader, apiClasses));
        api = Class.forName(config.api(), false, problemLoader);
        if (exploring()) {
            Schedule.begin(config.exploreSeed(), learnerLoader); // before the learner's classes load: woven at load
        }
        implementation = Class.forName(config.implementation(), false, learnerLoader);
        Callers.setLearnerLoader(learnerLoader);
        if (config.instrumented()) {
            Guard.enable(Path.of(System.getProperty("java.io.tmpdir")));
        }
        Katas.bind(api, implementation);
        Thread.currentThread().setContextClassLoader(problemLoader);
    }

    /**
     * The hidden tests' tolerances ({@link Tolerance}) stretch by the judge's limit factor. Tolerance reads its
     * system property once, when it initialises: here, before any learner class exists, so learner code that
     * sets the property later (or reflects) cannot widen the tests' bands.
     */
    private void fixTolerances() {
        System.setProperty(Tolerance.PROPERTY, Double.toString(config.limitScale()));
        if (Tolerance.factor() != config.limitScale()) {
            throw new IllegalStateException("the tests' tolerance factor is " + Tolerance.factor()
                    + ", not the judge's " + config.limitScale());
        }
    }

    private static Set<String> classNamesIn(String jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar)) {
            zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
        }
        return names;
    }

    // ------------------------------------------------------------------ tests

    /** Runs the hidden tests; returns whether all passed. */
    private boolean runTests() throws ClassNotFoundException {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        for (String name : config.testClasses()) {
            request.selectors(DiscoverySelectors.selectClass(Class.forName(name, false, problemLoader)));
        }
        if (!config.skipTests().isEmpty()) {
            // A fresh child after an abort: the tests an earlier child ran (or stopped in) are not run again.
            Set<String> skip = Set.copyOf(config.skipTests());
            request.filters((PostDiscoveryFilter) d -> FilterResult.includedIf(
                    !d.isTest() || !skip.contains(TestListener.nameOf(TestIdentifier.from(d)))));
        }
        LauncherDiscoveryRequest discovery = request.build();
        TestListener listener = new TestListener(this);
        try (LauncherSession session = sessionWithoutFlightRecorder()) {
            session.getLauncher().execute(discovery, listener);
        } catch (OutOfMemoryError e) {
            // JUnit rethrows OutOfMemoryError: the test that ran out is the current one.
            listener.outOfMemory(e);
            finish(true);
        }
        return listener.allPassed();
    }

    /**
     * JUnit 6 adds flight-recording listeners of its own whenever its context class loader can load
     * {@code jdk.jfr.FlightRecorder} (no setting turns them off): a dozen event classes JFR would instrument
     * while the judging runs, their metadata written into the recording again, events the page never draws.
     * The session (which makes its launcher at once, not at the first request) is opened under a context
     * loader that does not see {@code jdk.jfr}; tests run under the usual one.
     */
    private static LauncherSession sessionWithoutFlightRecorder() {
        Thread current = Thread.currentThread();
        ClassLoader context = current.getContextClassLoader();
        current.setContextClassLoader(new ClassLoader(context) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("jdk.jfr.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        });
        try {
            return LauncherFactory.openSession();
        } finally {
            current.setContextClassLoader(context);
        }
    }

    private boolean exploring() {
        return config.instrumented() && config.exploreSeed() != null;
    }

    /** The seed of the schedule the test {@code name} runs under: one per test, drawn from the judging's. */
    private long scheduleSeed(String name) {
        return config.exploreSeed() ^ (0x9E3779B97F4A7C15L * name.hashCode());
    }

    /** For a failed test's message: the schedule it failed under, or "" when the kata is not explored. */
    String scheduleNote() {
        return exploring() && !ThreadRegistry.phase().startsWith("speedup")
                ? " [under schedule seed " + Schedule.seed() + ", step " + Schedule.failureStep() + "]" : "";
    }

    /** Starts a judged region on the calling thread. */
    void beginPhase(String name) {
        // The recording's start (on its own thread, ~0.5 s of a cold JVM, seconds on a loaded machine) is
        // waited for before the phase exists: a test thread joining the judge's thread inside the phase looked
        // to the watchdog like a thread asleep forever (a false DEADLOCK of a learner's first test), and the
        // wait would be charged to the test's time limit (RecordingStartTest).
        Recorder.awaitStarted();
        output.drain();
        if (exploring() && !name.startsWith("speedup")) {
            Schedule.begin(scheduleSeed(name), learnerLoader);
        }
        Phase phase = new Phase(name, Thread.currentThread(), System.nanoTime(), config.testTimeoutMs());
        ThreadRegistry.beginRegion(Thread.currentThread(), name);
        watchdog.enter(phase);
        Recorder.beginRegion(name);
    }

    /** Ends the region: leak check within the lingering window, exit attempts; returns learner output. */
    PhaseEnd endPhase(String name) {
        Recorder.endRegion();
        watchdog.leave();
        List<TrackedThread> leaked = LeakCheck.leaked(config.lingerMs());
        int peak = ThreadRegistry.learnerPeak();
        ThreadRegistry.endRegion();
        if (!leaked.isEmpty()) {
            List<ThreadSnapshot> snapshots = leaked.stream().map(Snapshots::of).toList();
            channel.send(new Event.ThreadLeak(name, snapshots));
            LeakCheck.retire(leaked);
        }
        for (Refusals.Refusal r : Refusals.drain()) {
            channel.send(new Event.Refused(r.kind(), r.detail(), r.phase(), Snapshots.frames(r.stack())));
        }
        String printed = output.drain();
        List<String> died = ThreadRegistry.drainUncaught();
        if (!died.isEmpty()) {
            printed = String.join("\n", died.stream().map(d -> "[judge] " + d).toList()) + "\n" + printed;
        }
        return new PhaseEnd(peak, printed);
    }

    record PhaseEnd(int peakThreads, String output) {}

    // ------------------------------------------------------------------ speedup

    /** How long the child waits for the judge's go before it times the workload anyway. */
    private static final long GO_WAIT_MS = 600_000;

    /**
     * Tells the judge the workload is about to be timed and waits for its go:
     * when judgings share the machine, the judge answers once every other
     * judging has ended, so a wall-clock ratio is measured on an idle
     * machine. Bounded: should no go come, the workload is timed anyway.
     */
    private void awaitTheMachine() {
        channel.send(new Event.SpeedupStarting(config.speedupRuns()));
        fromJudge.awaitLine(GO_WAIT_MS); // no go in time: time the workload anyway
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void measureSpeedup() {
        List<Long> baseline = new ArrayList<>();
        List<Long> submission = new ArrayList<>();
        Throwable failure = null;
        try {
            Class<?> baselineClass = Class.forName(config.baseline(), false, problemLoader);
            SpeedupWorkload workload = (SpeedupWorkload) Class.forName(config.workload(), true, problemLoader)
                    .getDeclaredConstructor().newInstance();
            for (int i = 1; i <= config.speedupRuns(); i++) {
                baseline.add(timeOnce("speedup: baseline run " + i, baselineClass, workload));
                submission.add(timeOnce("speedup: submission run " + i, implementation, workload));
            }
        } catch (Throwable t) {
            failure = t instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : t;
        } finally {
            Katas.unbindAll();
            Katas.bind(api, implementation);
        }
        channel.send(new Event.SpeedupMeasured(baseline, submission, null,
                failure == null ? null : String.valueOf(failure), failure instanceof AssertionError));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long timeOnce(String phase, Class<?> solution, SpeedupWorkload workload) throws Exception {
        Katas.unbindAll();
        Katas.bind(api, solution);
        Object instance = Katas.load((Class) api);
        beginPhase(phase);
        long start = System.nanoTime();
        try {
            workload.run(instance);
            return System.nanoTime() - start;
        } finally {
            endPhase(phase);
        }
    }

    // ------------------------------------------------------------------ reporting

    @Override
    public void report(Event event) {
        channel.send(event);
    }

    @Override
    public void fault(String message) {
        channel.send(new Event.Fault(message));
    }

    /** Reports a fatal finding (deadlock, timeout, thread bomb) and ends the JVM: its threads cannot be trusted. */
    @Override
    public void abort(Event why) {
        synchronized (channel) {
            channel.send(why);
            finish(true);
        }
    }

    private void finish(boolean aborted) {
        // halt, not exit: learner shutdown hooks and stuck non-daemon threads must not keep us alive.
        Recorder.dumpAndStop();
        channel.sendAndHalt(new Event.ThreadTotals(ThreadRegistry.learnerStartedPlatform(),
                ThreadRegistry.learnerStartedVirtual(), ThreadRegistry.learnerPeakOfRun(),
                ThreadRegistry.learnerPlatformPeakOfRun()), new Event.Finished(aborted));
    }
}
