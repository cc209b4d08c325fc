package katajudge.child;

import static katajudge.child.Samples.MS;
import static katajudge.child.Samples.T0;
import static katajudge.child.Samples.learner;
import static katajudge.child.Samples.running;
import static katajudge.child.Samples.virtual;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.Thread.State;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import katajudge.protocol.Policy;
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
