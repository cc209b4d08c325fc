package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import katajudge.protocol.Event;
import katajudge.protocol.TestStatus;
import org.junit.jupiter.api.Test;

/** Observation.merge: the plain-tests child's observation joined to the instrumented one's, no fork. */
class ObservationTest {

    private static final Event.Started STARTED = new Event.Started("25", 2, "learner.Solution");
    /** The test class the second JVM is given; its tests are named "Lin.method". */
    private static final List<String> PLAIN = List.of("katas.dayNN.hidden.Lin");

    @Test
    void theSecondChildsTestsJoinAndItsEndIsTheEnd() {
        Observation first = new Observation(List.of(STARTED, new Event.Planned(List.of("a")), test("a"),
                new Event.ThreadTotals(1, 2, 3, 1), new Event.Finished(false)), 0, false, 1000, "one\n", 60_000);
        Observation second = new Observation(List.of(STARTED, new Event.Planned(List.of("Lin.check")), test("Lin.check"),
                new Event.ThreadTotals(9, 9, 9, 9), new Event.Finished(true)), 3, false, 500, "two\n", 30_000);

        Observation merged = first.merge(second, PLAIN);

        assertEquals(List.of("a", "Lin.check"), merged.all(Event.TestFinished.class).stream()
                .map(Event.TestFinished::name).toList());
        assertEquals(2, merged.all(Event.Planned.class).size());
        assertEquals(1, merged.all(Event.Started.class).size(), "the second child's start is not a second start");
        assertEquals(new Event.ThreadTotals(1, 2, 3, 1), merged.first(Event.ThreadTotals.class),
                "thread figures are the instrumented child's: the plain one is not watched");
        assertEquals(List.of(new Event.Finished(true)), merged.all(Event.Finished.class));
        assertEquals(3, merged.exitCode());
        assertEquals(1500, merged.wallMillis());
        assertEquals(90_000, merged.runLimitMs());
        assertEquals("one\ntwo\n", merged.stderrTail());
    }

    @Test
    void aSecondChildThatDidNotFinishLeavesTheMergeUnfinished() {
        Observation first = new Observation(List.of(STARTED, new Event.Finished(false)), 0, false, 1, "", 1);
        Observation second = new Observation(List.of(STARTED, test("Lin.check"), new Event.Timeout("Lin.check", 9, 5, List.of()),
                new Event.Fault("oops")), -1, true, 1, "", 1);

        Observation merged = first.merge(second, PLAIN);

        assertFalse(merged.finished());
        assertTrue(merged.killed());
        assertEquals(1, merged.all(Event.Timeout.class).size());
        assertEquals(1, merged.all(Event.Fault.class).size());
    }

    @Test
    void aSecondChildThatNeverStartedIsTheJudgesFault() {
        Observation first = new Observation(List.of(STARTED, test("a"), new Event.Finished(false)), 0, false, 1, "", 1);
        Observation second = new Observation(List.of(), 1, false, 1,
                "Error occurred during initialization of boot layer\nmodule not found\n", 1);

        List<Event.Fault> faults = first.merge(second, PLAIN).all(Event.Fault.class);

        assertEquals(1, faults.size());
        assertTrue(faults.getFirst().message().contains("did not start (exit code 1)"), faults::toString);
        assertTrue(faults.getFirst().message().contains("initialization of boot layer"), faults::toString);
        assertTrue(first.merge(new Observation(List.of(STARTED, new Event.Finished(false)), 0, false, 1, "", 1), List.of())
                .all(Event.Fault.class).isEmpty(), "a second child that started is no fault");
    }

    @Test
    void theSecondChildReportsOnItsOwnTestsAlone() {
        // Learner code in the plain JVM (no agent there) forges a pass of a main test the first child failed.
        Observation first = new Observation(List.of(STARTED, new Event.Planned(List.of("Main.hard")),
                failed("Main.hard"), new Event.Finished(false)), 0, false, 1, "", 1);
        Observation second = new Observation(List.of(STARTED, new Event.Planned(List.of("Lin.check", "Main.hard")),
                test("Lin.check"), test("Main.hard"), new Event.Finished(false)), 0, false, 1, "", 1);

        Observation merged = first.merge(second, PLAIN);

        assertEquals(List.of("Main.hard", "Lin.check"), merged.all(Event.TestFinished.class).stream()
                .map(Event.TestFinished::name).toList(), "the forged report is not merged");
        assertEquals(List.of("the JVM of the kata's plain tests reported on Main.hard, which it was not given to run"),
                merged.tampering());
        assertEquals(List.of(List.of("Main.hard"), List.of("Lin.check")), merged.all(Event.Planned.class).stream()
                .map(Event.Planned::tests).toList());
    }

    @Test
    void aSecondChildThatEndsWithoutReportingOnItsTestsTampered() {
        Observation first = new Observation(List.of(STARTED, test("a"), new Event.Finished(false)), 0, false, 1, "", 1);
        Observation silent = new Observation(List.of(STARTED, new Event.Planned(List.of()), new Event.Finished(false)),
                0, false, 1, "", 1);
        assertEquals(List.of("the JVM of the kata's plain tests ended without reporting on Lin, which it was given"),
                first.merge(silent, PLAIN).tampering());
        Observation stopped = new Observation(List.of(STARTED, new Event.Timeout("Lin.check", 9, 5, List.of()),
                new Event.Finished(true)), -1, false, 1, "", 1);
        assertTrue(first.merge(stopped, PLAIN).tampering().isEmpty(), "a stopped JVM did not claim to have run all");
    }

    // ------------------------------------------------------------------ a fresh child after a stop

    private static Event.Deadlock deadlock(String phase) {
        return new Event.Deadlock(phase, "asleep", List.of(), List.of());
    }

    @Test
    void aChildStoppedInATestSkipsWhatRanAndTheStoppedTest() {
        Observation one = new Observation(List.of(STARTED, new Event.Planned(List.of("a", "b", "c", "d")), test("a"),
                deadlock("b"), new Event.Finished(true)), 0, false, 10, "", 60_000);
        assertEquals("b", one.stoppedTest());
        assertEquals(List.of("a", "b"), one.testsToSkip("b"));

        // The fresh child plans only c and d, and is stopped in c: b stays skipped (it was stopped, not finished).
        Observation two = new Observation(List.of(STARTED, new Event.Planned(List.of("c", "d")),
                new Event.Timeout("c", 9, 5, List.of()), new Event.Finished(true)), 0, false, 10, "", 60_000);
        assertEquals("c", two.stoppedTest());
        Observation both = one.continuedBy(two, true);
        assertEquals(List.of("a", "b", "c"), both.testsToSkip("c"));
        assertEquals(1, both.all(Event.Started.class).size());
        assertEquals(List.of(new Event.Finished(true)), both.all(Event.Finished.class));
        assertEquals(Event.SpeedupMeasured.skipped("speed only counts once every hidden test passes"),
                both.first(Event.SpeedupMeasured.class), "a stopped test did not pass: no speedup");
    }

    @Test
    void nothingToContinueWhenNoTestIsLeftOrTheStopWasNotInATest() {
        Observation last = new Observation(List.of(STARTED, new Event.Planned(List.of("a", "b")), test("a"),
                deadlock("b"), new Event.Finished(true)), 0, false, 10, "", 60_000);
        assertEquals(null, last.testsToSkip("b"), "b was the last test");
        Observation speedup = new Observation(List.of(STARTED, new Event.Planned(List.of("a")), test("a"),
                deadlock("speedup: submission run 1"), new Event.Finished(true)), 0, false, 10, "", 60_000);
        assertEquals(null, speedup.stoppedTest(), "stopped in the speedup runs, not a test");
        Observation killed = new Observation(List.of(STARTED, new Event.Planned(List.of("a", "b")),
                deadlock("a"), new Event.Finished(true)), -1, true, 10, "", 60_000);
        assertEquals(null, killed.stoppedTest(), "killed at the run's limit: no time left");
        Observation fine = new Observation(List.of(STARTED, new Event.Planned(List.of("a", "b")), test("a"),
                test("b"), new Event.Finished(false)), 0, false, 10, "", 60_000);
        assertEquals(null, fine.stoppedTest());
    }

    private static Event.TestFinished test(String name) {
        return new Event.TestFinished(name, name, TestStatus.PASSED, null, null, List.of(), 1, "", 0);
    }

    private static Event.TestFinished failed(String name) {
        return new Event.TestFinished(name, name, TestStatus.FAILED, "expected 1", "AssertionError", List.of(), 1, "", 0);
    }
}
