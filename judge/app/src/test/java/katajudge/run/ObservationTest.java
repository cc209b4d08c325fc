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

    @Test
    void theSecondChildsTestsJoinAndItsEndIsTheEnd() {
        Observation first = new Observation(List.of(STARTED, new Event.Planned(List.of("a")), test("a"),
                new Event.ThreadTotals(1, 2, 3, 1), new Event.Finished(false)), 0, false, 1000, "one\n", 60_000);
        Observation second = new Observation(List.of(STARTED, new Event.Planned(List.of("lin")), test("lin"),
                new Event.ThreadTotals(9, 9, 9, 9), new Event.Finished(true)), 3, false, 500, "two\n", 30_000);

        Observation merged = first.merge(second);

        assertEquals(List.of("a", "lin"), merged.all(Event.TestFinished.class).stream()
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
        Observation second = new Observation(List.of(STARTED, test("lin"), new Event.Timeout("lin", 9, 5, List.of()),
                new Event.Fault("oops")), -1, true, 1, "", 1);

        Observation merged = first.merge(second);

        assertFalse(merged.finished());
        assertTrue(merged.killed());
        assertEquals(1, merged.all(Event.Timeout.class).size());
        assertEquals(1, merged.all(Event.Fault.class).size());
    }

    private static Event.TestFinished test(String name) {
        return new Event.TestFinished(name, name, TestStatus.PASSED, null, null, List.of(), 1, "", 0);
    }
}
