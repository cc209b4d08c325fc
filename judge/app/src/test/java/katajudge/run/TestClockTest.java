package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Event;
import org.junit.jupiter.api.Test;

/** The parent's per-test limits, from the events alone. */
class TestClockTest {

    // 5 s per test, 1 s linger, 150 ms deadlock window, 3 timed runs of each side.
    private static final ChildConfig CONFIG = new ChildConfig("Api", "Impl", "l.jar", List.of(), List.of("T"),
            "W", "B", 3, 5_000, 1_000, katajudge.protocol.Policy.DEFAULT, 0, 100, 1024, true, null, null, List.of(), 0, 1.0);
    private static final long PER_TEST = 5_000 + 1_000 + 150 + TestClock.GRACE_MS;
    private static final Event PLANNED = new Event.Planned(List.of("T.a", "T.b"));

    private static Event passed(String name) {
        return new Event.TestFinished(name, name, katajudge.protocol.TestStatus.PASSED, null, null, List.of(), 1, "", 0);
    }

    private final TestClock clock = new TestClock(CONFIG);

    @Test
    void beforeTheTestsArePlannedOnlyTheRunsLimitCounts() {
        assertNull(clock.check(List.of(new Event.Started("25", 2, "Impl")), 1_000_000));
    }

    @Test
    void aSilentTestIsStoppedAfterItsLimitAndGrace() {
        assertNull(clock.check(List.of(PLANNED), PER_TEST));
        TestClock.Overrun o = clock.check(List.of(PLANNED, passed("T.a")), PER_TEST + 1);
        assertEquals("T.b", o.phase(), "the first test that has not reported");
        assertEquals(PER_TEST, o.limitMs());
    }

    @Test
    void theTimedRunsAfterTheTestsHaveTheirOwnBudget() {
        List<Event> allReported = List.of(PLANNED, passed("T.a"), passed("T.b"));
        long budget = 2 * 3 * 5_000 + 1_000 + TestClock.GRACE_MS;
        assertNull(clock.check(allReported, budget));
        assertEquals("the timed workload runs", clock.check(allReported, budget + 1).phase());
    }

    @Test
    void aFinishedRunIsNeverOverdue() {
        assertNull(clock.check(List.of(PLANNED, new Event.Finished(true)), Long.MAX_VALUE));
    }

    @Test
    void aRunTheChildStoppedItselfIsLeftToTheRunsLimit() {
        // Snapshotting hundreds of threads on a loaded machine can take long after the stop is reported.
        assertNull(clock.check(List.of(PLANNED, new Event.TooManyThreads("T.a", 600, 400, List.of(), 0)), PER_TEST * 5));
    }
}
