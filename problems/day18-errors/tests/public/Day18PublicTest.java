package katas.day18;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 18: run them in your IDE or with `make test-public DAY=18`. */
class Day18PublicTest {

    @Test
    void valuesComeBackWithTheirIds() throws Exception {
        List<Result> results = Katas.load(Workers.class).runAll(List.of(
                new Job(1, () -> "one"), new Job(2, () -> "two"), new Job(3, () -> "three")), 2);
        List<Result> sorted = results.stream().sorted(Comparator.comparingInt(Result::id)).toList();
        assertEquals(List.of(new Result.Ok(1, "one"), new Result.Ok(2, "two"), new Result.Ok(3, "three")), sorted);
    }

    @Test
    void anErrorIsReportedAndTheOthersStillRun() throws Exception {
        IOException boom = new IOException("boom");
        List<Result> results = Katas.load(Workers.class).runAll(List.of(
                new Job(1, () -> {
                    throw boom;
                }),
                new Job(2, () -> "fine")), 1);
        assertEquals(2, results.size(), "one result per job");
        Result first = results.stream().filter(r -> r.id() == 1).findFirst().orElseThrow();
        assertTrue(first instanceof Result.Err, "job 1 threw: it is an Err, got " + first);
        assertSame(boom, ((Result.Err) first).error(), "the Err carries the job's own exception");
        assertTrue(results.contains(new Result.Ok(2, "fine")), "job 2 still ran: " + results);
    }
}
