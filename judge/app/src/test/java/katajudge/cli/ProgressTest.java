package katajudge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import katajudge.protocol.Event;
import katajudge.protocol.TestStatus;
import katajudge.report.Style;
import org.junit.jupiter.api.Test;

/** The progress of a judging: plain lines in a log, one line rewritten in place on a terminal. */
class ProgressTest {

    /** A test fails: no speedup runs follow (they only count once every hidden test passes). */
    private static final List<Event> RUN = List.of(new Event.Started("25", 2, "Mine"),
            new Event.Planned(List.of("T.a", "T.b")),
            new Event.TestFinished("T.a", "a", TestStatus.PASSED, null, null, List.of(), 12, "", 1),
            new Event.TestFinished("T.b", "b", TestStatus.FAILED, "expected 3", null, List.of(), 7, "", 1),
            new Event.Finished(false));

    /** Every test passes: the child says when its timed runs start. */
    private static final List<Event> PASSING = List.of(new Event.Started("25", 2, "Mine"),
            new Event.Planned(List.of("T.a")),
            new Event.TestFinished("T.a", "a", TestStatus.PASSED, null, null, List.of(), 12, "", 1),
            new Event.SpeedupStarting(3),
            new Event.SpeedupMeasured(List.of(1L), List.of(1L), null, null, false),
            new Event.Finished(false));

    private static String feed(boolean terminal) {
        return feed(terminal, RUN);
    }

    private static String feed(boolean terminal, List<Event> events) {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), terminal, new Style(false));
        p.step("compiling submissions/alice");
        events.forEach(p);
        p.done();
        return text.toString();
    }

    @Test
    void aLogGetsOnePlainLinePerStepWithEachTestAsItLands() {
        String log = feed(false);
        assertTrue(!log.contains("\u001b") && !log.contains("\r"), log);
        assertEquals(List.of("judging: compiling submissions/alice",
                "judging: child JVM started (2 cores), running the hidden tests",
                "judging: test 1/2 ✓ T.a (12 ms)",
                "judging: test 2/2 ✗ FAILED T.b (7 ms)",
                "judging: done, scoring"), log.lines().toList());
    }

    @Test
    void theSpeedupRunsAreAStepOnlyWhenTheyStart() {
        assertEquals(List.of("judging: compiling submissions/alice",
                "judging: child JVM started (2 cores), running the hidden tests",
                "judging: test 1/1 ✓ T.a (12 ms)",
                "judging: speedup runs: the baseline and yours, interleaved",
                "judging: done, scoring"), feed(false, PASSING).lines().toList());
    }

    @Test
    void aTerminalGetsOneLineRewrittenAndWipedBeforeTheReport() {
        String tty = feed(true);
        assertEquals(0, tty.chars().filter(c -> c == '\n').count(), tty);
        assertTrue(tty.contains("\rjudging: test 2/2") || tty.contains("\r\u001b[2Kjudging: test 2/2"), tty);
        assertTrue(tty.endsWith("\r\u001b[2K"), "the line is wiped at the end");
    }
}
