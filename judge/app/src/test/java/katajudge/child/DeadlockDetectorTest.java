package katajudge.child;

import static katajudge.child.Samples.LIMIT_AT;
import static katajudge.child.Samples.MS;
import static katajudge.child.Samples.T0;
import static katajudge.child.Samples.learner;
import static katajudge.child.Samples.leftover;
import static katajudge.child.Samples.retired;
import static katajudge.child.Samples.root;
import static katajudge.child.Samples.still;
import static katajudge.child.Samples.timed;
import static katajudge.child.Samples.virtual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.Thread.State;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import katajudge.protocol.Policy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deadlock detector on series of snapshots, one every 20 ms for 1 s:
 * when it fires, and that it stays silent while anything can still move.
 */
class DeadlockDetectorTest {

    private static final long WINDOW = Policy.DEFAULT.deadlockWindowMs();
    /** The first tick at or after the window (ticks every 20 ms from the first asleep one). */
    private static final long FIRES_AT = (WINDOW + 19) / 20 * 20;
    private static final long NEVER = -1;

    /**
     * @param threads the threads in view at each tick (ms since the start)
     * @param lateMs  how late the watchdog's ticks run
     * @param firesAt the tick (ms) at which it fires, or NEVER
     * @param says    what the summary must contain when it fires
     */
    record Case(String name, LongFunction<List<ThreadSample>> threads, Samples.Probe probe, long lateMs,
                long firesAt, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // ---- fires
                new Case("the test waits on a learner thread that waits forever",
                        still(root(State.WAITING, 3), learner(2, State.WAITING, 5)), new Samples.Probe(), 0, FIRES_AT,
                        "2 threads wait forever and none holds what another needs"),
                new Case("a lock cycle is named",
                        still(root(State.WAITING, 0), learner(2, State.BLOCKED, 0), learner(3, State.BLOCKED, 0)),
                        new Samples.Probe().holds(2, 3, "worker-3", true).holds(3, 2, "worker-2", true), 0, FIRES_AT,
                        "lock cycle worker-2 -> worker-3 -> worker-2"),
                new Case("a lock held by a thread that ended is a dead owner",
                        still(root(State.WAITING, 0), learner(2, State.WAITING, 0)),
                        new Samples.Probe().holds(2, 9, "crashed", false), 0, FIRES_AT,
                        "a lock held by 'crashed', a dead owner"),
                new Case("a timed wait that ends after the time limit counts as forever (close waits a day)",
                        still(root(State.WAITING, 0), timed(2, LIMIT_AT + 86_400_000 * MS, 0)), new Samples.Probe(),
                        0, FIRES_AT, "(or past the time limit)"),
                new Case("parked virtual threads nobody unparks",
                        still(root(State.WAITING, 0), virtual(2, State.WAITING, 0), virtual(3, State.WAITING, 0)),
                        new Samples.Probe(), 0, FIRES_AT, "3 threads wait forever"),
                new Case("a thread reported as leaked earlier still counts (the test may wait on it)",
                        still(root(State.WAITING, 0), retired(learner(2, State.WAITING, 0))), new Samples.Probe(), 0,
                        FIRES_AT, "2 threads wait forever"),
                new Case("a helper left from an earlier test does not hide this one's deadlock",
                        still(root(State.WAITING, 0), leftover(7, State.RUNNABLE)), new Samples.Probe(), 0, FIRES_AT,
                        "1 thread waits forever"),
                new Case("the window starts again when a thread made progress, then stalls",
                        ms -> List.of(root(State.WAITING, 0), learner(2, State.WAITING, ms < 100 ? 0 : 1)),
                        new Samples.Probe(), 0, 100 + FIRES_AT, "2 threads wait forever"),
                new Case("on an overloaded machine the window grows (30 ms late: +300 ms)",
                        still(root(State.WAITING, 0), learner(2, State.WAITING, 0)), new Samples.Probe(), 30,
                        (WINDOW + 300 + 19) / 20 * 20, "deadlock"),
                // ---- silent
                new Case("slow but progressing: a wait ends every tick",
                        ms -> List.of(root(State.WAITING, 0), learner(2, State.WAITING, ms / 20)),
                        new Samples.Probe(), 0, NEVER, null),
                new Case("a learner thread sleeping (its wait ends before the limit)",
                        still(root(State.WAITING, 0), timed(2, T0 + 500 * MS, 0)), new Samples.Probe(), 0, NEVER,
                        null),
                new Case("the common pool still runs a task that will complete the future",
                        still(root(State.WAITING, 0)), new Samples.Probe().jdkBusy(), 0, NEVER, null),
                new Case("a pool's idle workers while the test thread runs",
                        still(root(State.RUNNABLE, 0), learner(2, State.WAITING, 0), learner(3, State.WAITING, 0)),
                        new Samples.Probe(), 0, NEVER, null),
                new Case("virtual threads parked while one of them runs",
                        still(root(State.WAITING, 0), virtual(2, State.WAITING, 0), virtual(3, State.RUNNABLE, 0)),
                        new Samples.Probe(), 0, NEVER, null),
                new Case("the test's own helper of this phase is running",
                        still(root(State.WAITING, 0), new ThreadSample(8, "helper", false, false, false, true, false,
                                true, State.RUNNABLE, null, Long.MAX_VALUE, 0, -1)), new Samples.Probe(), 0, NEVER,
                        null),
                new Case("learner threads asleep but the test thread is not in view (its phase ended)",
                        still(learner(2, State.WAITING, 0), learner(3, State.WAITING, 0)), new Samples.Probe(), 0,
                        NEVER, null),
                new Case("on an overloaded machine, no call before the grown window (50 ms late: +500 ms)",
                        ms -> ms <= 600 ? List.of(root(State.WAITING, 0), learner(2, State.WAITING, 0))
                                : List.of(root(State.RUNNABLE, 1)), new Samples.Probe(), 50, NEVER, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnlyWhenNothingCanMove(Case c) {
        DeadlockDetector detector = new DeadlockDetector(WINDOW, Policy.DEFAULT);
        for (long ms = 0; ms <= 1_000; ms += 20) {
            DeadlockDetector.Found found = detector.observe(T0 + ms * MS, c.threads().apply(ms), LIMIT_AT, c.lateMs(),
                    c.probe());
            if (found != null) {
                assertEquals(c.firesAt(), ms, "fired at " + ms + " ms: " + found.summary());
                assertTrue(found.summary().contains(c.says()), found.summary());
                assertEquals(found.threads().stream().filter(t -> t.alive()
                        && (t.learner() || t.root() || t.startedInPhase())).count(), found.threads().size());
                return;
            }
        }
        assertEquals(c.firesAt(), NEVER, "never fired");
    }
}
