package katajudge.child;

import static katajudge.child.Samples.MS;
import static katajudge.child.Samples.T0;
import static katajudge.child.Samples.learner;
import static katajudge.child.Samples.running;
import static katajudge.child.Samples.virtual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.Thread.State;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import katajudge.protocol.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The busy-wait detector on series of snapshots, one every 20 ms for 2 s:
 * which threads it reports, when, and with what CPU share.
 */
class BusyWaitDetectorTest {

    private static final long STREAK = Policy.DEFAULT.busyStreakMs();
    private static final double SHARE = Policy.DEFAULT.busyWaitShare();

    /** A spinning platform thread: RUNNABLE, using {@code share} of a core since the start. */
    static ThreadSample spinning(long id, long ms, double share) {
        return running(id, Math.round(ms * MS * share));
    }

    /**
     * @param reports the reports expected, as "id@ms" (the tick it fires at)
     */
    record Case(String name, LongFunction<List<ThreadSample>> threads, Samples.Probe probe, List<String> reports) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // ---- fires
                new Case("a platform thread spinning on a flag, half a core, once only",
                        ms -> List.of(spinning(2, ms, 0.5)), new Samples.Probe(), List.of("2@" + STREAK)),
                new Case("a spinner on a loaded machine still gets a slice (6% of a core)",
                        ms -> List.of(spinning(2, ms, 0.06)), new Samples.Probe(), List.of("2@" + STREAK)),
                new Case("a virtual thread RUNNABLE all along (its CPU cannot be read)",
                        ms -> List.of(virtual(3, State.RUNNABLE, 0)), new Samples.Probe(), List.of("3@" + STREAK)),
                new Case("two spinners, each reported once",
                        ms -> List.of(spinning(2, ms, 1.0), spinning(4, ms, 1.0)), new Samples.Probe(),
                        List.of("2@" + STREAK, "4@" + STREAK)),
                new Case("a spin that starts late is timed from its start",
                        ms -> List.of(ms < 400 ? learner(2, State.WAITING, 0) : spinning(2, ms, 1.0)),
                        new Samples.Probe(), List.of("2@" + (400 + STREAK))),
                // ---- silent
                new Case("a short spin under the window, then a wait, then another short spin",
                        ms -> List.of(ms % 700 < 600 ? spinning(2, ms, 1.0) : learner(2, State.WAITING, 1)),
                        new Samples.Probe(), List.of()),
                new Case("RUNNABLE in a socket read: no CPU used",
                        ms -> List.of(running(2, 5 * MS)), new Samples.Probe(), List.of()),
                new Case("RUNNABLE under the share (2% of a core: a thread mostly waiting for I/O)",
                        ms -> List.of(spinning(2, ms, 0.02)), new Samples.Probe(), List.of()),
                new Case("burning CPU in the JDK's code, not the learner's (class loading, a library)",
                        ms -> List.of(spinning(2, ms, 1.0)), new Samples.Probe().inJdkCode(2), List.of()),
                new Case("a pool's idle workers",
                        ms -> List.of(learner(2, State.WAITING, 0), learner(3, State.WAITING, 0)),
                        new Samples.Probe(), List.of()),
                new Case("virtual threads parked",
                        ms -> List.of(virtual(2, State.WAITING, 0), virtual(3, State.WAITING, 0)),
                        new Samples.Probe(), List.of()),
                new Case("slow but progressing: computes 100 ms, waits 20 ms, again",
                        ms -> List.of(ms % 120 < 100 ? spinning(2, ms, 1.0) : learner(2, State.TIMED_WAITING, ms)),
                        new Samples.Probe(), List.of()),
                new Case("a platform thread whose CPU time cannot be read (it just ended)",
                        ms -> List.of(running(2, -1)), new Samples.Probe(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsOnlySpinners(Case c) {
        assertEquals(c.reports(), run(new BusyWaitDetector(STREAK, SHARE), c.threads(), c.probe(), 2_000));
    }

    @Test
    void onAnOverloadedMachineTheStretchGrowsByTheAllowance() {
        BusyWaitDetector detector = new BusyWaitDetector(STREAK, SHARE);
        long allowance = Policy.DEFAULT.lateAllowanceMs(50); // the watchdog's ticks run 50 ms late
        List<String> reports = new ArrayList<>();
        for (long ms = 0; ms <= 3_000; ms += 20) {
            for (BusyWaitDetector.Found f : detector.observe(T0 + ms * MS, List.of(spinning(2, ms, 1.0)), allowance,
                    new Samples.Probe())) {
                reports.add(f.thread().id() + "@" + ms);
            }
        }
        assertEquals(List.of("2@" + (STREAK + allowance)), reports, "still found, later");
    }

    private static StackTraceElement frame(String loader, String className, String method) {
        return new StackTraceElement(loader, null, null, className, method, null, 1);
    }

    private static final String LEARNER = Snapshots.LEARNER_LOADER_NAME;

    @Test
    void learnerCodeIsTheFirstFrameBelowTheJdks() {
        // A spin on a flag, on a queue's poll, on yield: the learner's frame is reached through few JDK frames.
        assertTrue(BusyWaitDetector.spinsInLearnerCode(new StackTraceElement[] {
                frame(LEARNER, "learner.Spin", "run")}));
        assertTrue(BusyWaitDetector.spinsInLearnerCode(new StackTraceElement[] {
                frame(null, "java.util.concurrent.ConcurrentLinkedQueue", "poll"),
                frame(LEARNER, "learner.Spin", "take"), frame(null, "java.lang.Thread", "run")}));
        assertTrue(BusyWaitDetector.spinsInLearnerCode(new StackTraceElement[] {
                frame(null, "java.lang.Thread", "yield0"), frame(null, "java.lang.Thread", "yield"),
                frame(LEARNER, "learner.Spin", "await")}));
        // No learner frame at all, or the judge's own code first: not the learner's spin.
        assertFalse(BusyWaitDetector.spinsInLearnerCode(new StackTraceElement[] {
                frame(null, "java.lang.Thread", "run")}));
        assertFalse(BusyWaitDetector.spinsInLearnerCode(new StackTraceElement[] {
                frame("app", "katajudge.child.ChildRun", "measure"), frame(LEARNER, "learner.Spin", "run")}));
    }

    @Test
    void aJdkClassInitialisingAboveTheLearnersFrameIsAStartUpNotASpin() {
        // HttpClient.newHttpClient() on a loaded machine: the default TLS context is set up once, in JDK static
        // initialisers, for most of a second, under the learner's one call.
        assertFalse(BusyWaitDetector.spinsInLearnerCode(new StackTraceElement[] {
                frame(null, "sun.security.util.KeyUtil", "getKeySize"),
                frame(null, "sun.security.ssl.SSLContextImpl$DefaultManagersHolder", "<clinit>"),
                frame(null, "sun.security.ssl.SSLContextImpl$DefaultSSLContext", "<init>"),
                frame(null, "java.net.http.HttpClient", "newHttpClient"),
                frame(LEARNER, "learner.Crawler", "fetch")}));
        // The learner's own static initialiser spinning is still the learner's.
        assertTrue(BusyWaitDetector.spinsInLearnerCode(new StackTraceElement[] {
                frame(LEARNER, "learner.Spin", "<clinit>")}));
    }

    /** Feeds the detector a tick every 20 ms up to {@code untilMs}; the reports as "id@ms". */
    static List<String> run(BusyWaitDetector detector, LongFunction<List<ThreadSample>> threads, ThreadProbe probe,
                            long untilMs) {
        List<String> reports = new ArrayList<>();
        for (long ms = 0; ms <= untilMs; ms += 20) {
            for (BusyWaitDetector.Found f : detector.observe(T0 + ms * MS, threads.apply(ms), probe)) {
                reports.add(f.thread().id() + "@" + ms);
                assertEquals(detector.streakMs(), f.windowMs(), "reported as soon as the stretch is long enough");
            }
        }
        return reports;
    }
}
