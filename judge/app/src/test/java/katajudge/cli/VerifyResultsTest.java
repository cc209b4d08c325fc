package katajudge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import katajudge.report.Result;
import katajudge.report.ResultStore;
import katajudge.score.Judgement;
import katajudge.score.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code verify --retry --results} decides and keeps, on made-up results
 * (a real solution cannot be made to flip on demand): an unstable solution's
 * retry stands and its missed first verdict is kept beside it as
 * {@code -first.json}; a stable one, hit or miss, leaves one file.
 */
class VerifyResultsTest {

    private static final String NAME = "day07-accepted-Good";

    @TempDir
    Path dir;

    /** The judgings the retry asked for. */
    private final List<Result> retried = new ArrayList<>();

    private Callable<Result> again(Result r) {
        return () -> {
            retried.add(r);
            return r;
        };
    }

    private static Result result(Verdict v, double total, katajudge.score.Finding... findings) {
        return new Result(Result.SCHEMA, "verify", 7, "day07-x", "X", "2026-11-30T00:00:00Z", null, "Good", v,
                v.meaning(), new Judgement.Score(total, total, 60, 0, 25, 0, 15), List.of(), List.of(findings), null,
                new Judgement.ThreadFigures(0, 0, 0, 0, 40, 0), new Result.Timing(0, 0, 0, 0, 0, 1), null, null);
    }

    private Result read(String file) throws Exception {
        return ResultStore.JSON.readValue(dir.resolve(file).toFile(), Result.class);
    }

    @Test
    void anUnstableSolutionsRetryStandsAndItsMissedFirstVerdictIsKeptBesideIt() throws Exception {
        Result first = result(Verdict.TIME_LIMIT, 40, new katajudge.score.Finding(Verdict.TIME_LIMIT,
                "Day07HiddenTest.slowOne ran past its limit of 5000 ms\nand more", List.of(), List.of()));
        Result second = result(Verdict.ACCEPTED, 100);
        VerifyCommand.Decided d = VerifyCommand.decide(Verdict.ACCEPTED, first, true, again(second));
        assertTrue(d.ok());
        assertEquals("unstable: got TIME_LIMIT 40.0 first (Day07HiddenTest.slowOne ran past its limit of 5000 ms), "
                + "as expected on retry", d.note(), "why it missed, from its finding's first line");
        d.write(dir, NAME);
        assertEquals(Verdict.ACCEPTED, read(NAME + ".json").verdict());
        assertEquals(Verdict.TIME_LIMIT, read(NAME + "-first.json").verdict());
        assertEquals(40.0, read(NAME + "-first.json").score().total());
    }

    @Test
    void twoMissesAreAMismatchAndKeepTheFirstAlone() throws Exception {
        Result first = result(Verdict.TIME_LIMIT, 40);
        VerifyCommand.Decided d = VerifyCommand.decide(Verdict.ACCEPTED, first, true,
                again(result(Verdict.DEADLOCK, 40)));
        assertFalse(d.ok());
        assertSame(first, d.result());
        assertEquals("", d.note());
        d.write(dir, NAME);
        assertEquals(Verdict.TIME_LIMIT, read(NAME + ".json").verdict());
        assertFalse(Files.exists(dir.resolve(NAME + "-first.json")));
    }

    @Test
    void aHitIsNotJudgedAgainAndLeavesOneFile() throws Exception {
        VerifyCommand.Decided d = VerifyCommand.decide(Verdict.DEADLOCK, result(Verdict.DEADLOCK, 40), true,
                again(result(Verdict.ACCEPTED, 100)));
        assertTrue(d.ok());
        assertNull(d.missedFirst());
        assertEquals(List.of(), retried);
        d.write(dir, NAME);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(NAME + ".json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void withoutRetryAMissIsNotJudgedAgain() throws Exception {
        VerifyCommand.Decided d = VerifyCommand.decide(Verdict.ACCEPTED, result(Verdict.ACCEPTED, 85), false,
                again(result(Verdict.ACCEPTED, 100)));
        assertFalse(d.ok());
        assertEquals("accepted but scored 85.0, not 100", d.note());
        assertEquals(List.of(), retried);
        assertNull(d.missedFirst());
    }
}
