package katajudge.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hygiene penalties exactly as the README states them: all for a leak or an abort, half per kind of fault. */
class HygieneShareTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "'';                                   1.0",
            "BUSY_WAIT;                            0.5",
            "BUSY_WAIT BUSY_WAIT;                  0.5",
            "BUSY_WAIT BUSY_WAIT BUSY_WAIT;        0.5",
            "TOO_MANY_THREADS;                     0.5",
            "BUSY_WAIT TOO_MANY_THREADS;           0.0",
            "EXIT;                                 0.5",
            "EXIT EXIT;                            0.5",
            "EXIT WRITE;                           0.0",
            "RUNTIME_ERROR;                        1.0",
            "WRONG_ANSWER SLOW;                    1.0",
            "THREAD_LEAK;                          0.0",
            "DEADLOCK;                             0.0",
            "TIME_LIMIT BUSY_WAIT;                 0.0",
            "MEMORY_LIMIT;                         0.0"})
    void penaltiesPerKind(String kinds, double share) {
        List<String> all = Arrays.stream(kinds.trim().split(" +")).filter(k -> !k.isEmpty()).toList();
        List<String> refusals = all.stream().filter(k -> k.equals("EXIT") || k.equals("WRITE"))
                .map(String::toLowerCase).toList();
        List<Finding> findings = all.stream().map(HygieneShareTest::finding).toList();
        assertEquals(share, Scorer.hygieneShare(findings, refusals), 1e-9);
    }

    /** EXIT, WRITE: a refused System.exit or file write, reported as a RUNTIME_ERROR, counted by its kind. */
    private static Finding finding(String kind) {
        return kind.equals("EXIT") || kind.equals("WRITE") ? Finding.of(Verdict.RUNTIME_ERROR, "your code tried it")
                : Finding.of(Verdict.valueOf(kind), "threw java.lang.IllegalStateException");
    }
}
