package katas.day16.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import katas.day16.FirstResponse;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 16. Each test checks the answer and that it came as
 * soon as the fastest backend answered. The point of the day, that no thread
 * of the query outlives it, is checked by the judge after every test: a
 * loser still blocked on a send, or still inside a backend that hangs for
 * 3 s, is alive after the 1 s grace and makes a THREAD_LEAK. How soon the
 * answer must come stretches with the judge's factor ({@link Tolerance}),
 * never to the 1500 ms and more that waiting for every backend takes here.
 */
class Day16HiddenTest {

    /** Hangs longer than the judge's 1 s grace: only an interrupt ends it in time. */
    private static final long HANGS_MS = 3000;
    /** The least any test's backends take all together: a query that waits for all of them takes this long. */
    private static final long ALL_ANSWERED_MS = 1500;

    /** A backend that answers after {@code millis}; interrupted, it throws at once. */
    private static Callable<String> answers(String answer, long millis) {
        return () -> {
            Thread.sleep(millis);
            return answer;
        };
    }

    /** A backend that fails after {@code millis}. */
    private static Callable<String> fails(long millis) {
        return () -> {
            Thread.sleep(millis);
            throw new IOException("backend down after " + millis + " ms (on purpose)");
        };
    }

    private static String query(List<Callable<String>> backends, long withinMillis, String what) throws Exception {
        FirstResponse solution = Katas.load(FirstResponse.class);
        Waits.Timed<String> result = Waits.timed(() -> solution.query(backends));
        long limit = Math.min(Tolerance.ms(withinMillis), ALL_ANSWERED_MS - 100);
        assertTrue(result.elapsed().toMillis() <= limit, what + ": the answer took "
                + result.elapsed().toMillis() + " ms; the first answer comes much sooner: return it at once, "
                + "do not wait for the others");
        return result.value();
    }

    @Test
    void returnsTheFastestAnswer() throws Exception {
        // 60 ms for the fastest, 800 ms for the next: waiting for all takes 1500 ms.
        String answer = query(List.of(answers("slow", 1500), answers("fast", 60), answers("medium", 800)),
                700, "backends of 1500, 60 and 800 ms");
        assertEquals("fast", answer, "the fastest backend answers 'fast'");
    }

    @Test
    void cancelsTheLosers() throws Exception {
        // One backend hangs for 3 s, one answers late: after return, both must be gone within 1 s.
        String answer = query(List.of(answers("stuck", HANGS_MS), answers("late", 250), answers("first", 50)),
                700, "backends of 3000, 250 and 50 ms");
        assertEquals("first", answer);
    }

    @Test
    void aFailureDoesNotWin() throws Exception {
        String answer = query(List.of(fails(20), answers("ok", 120), answers("stuck", HANGS_MS)),
                800, "a failure at 20 ms, an answer at 120 ms, a backend that hangs");
        assertEquals("ok", answer, "a backend that throws does not win");
    }

    @Test
    void everyBackendFails() throws Exception {
        FirstResponse solution = Katas.load(FirstResponse.class);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> solution.query(List.of(fails(30), fails(60), fails(90))),
                "every backend failed: query must throw ExecutionException");
        assertInstanceOf(IOException.class, e.getCause(), "the cause is one of the backends' exceptions");
    }

    @Test
    void oneBackend() throws Exception {
        assertEquals("only", query(List.of(answers("only", 30)), 1000, "one backend of 30 ms"));
    }

    @Test
    void queriesInARow() throws Exception {
        // Four queries, each with a backend that hangs: nothing may pile up.
        for (int i = 0; i < 4; i++) {
            String answer = query(List.of(answers("stuck", HANGS_MS), answers("answer " + i, 40)),
                    700, "query " + i + ", backends of 3000 and 40 ms");
            assertEquals("answer " + i, answer);
        }
    }
}
