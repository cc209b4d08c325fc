package katajudge.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** spec.json's checks beyond JSON typing, one broken field per row; each message names its field. */
class ProblemSpecTest {

    static final ProblemSpec GOOD = new ProblemSpec(1, "t", "c", "katas.day01.Api", List.of("katas.day01.hidden.T"),
            null, new ProblemSpec.Limits(5000, 60000, 256, 1000), new ProblemSpec.Weights(60, 25, 15),
            new ProblemSpec.Speedup("katas.W", "katas.B", 3, 4.0, false), new ProblemSpec.Hygiene(40, "forbid", true), null, null);

    @Test
    void aGoodSpecHasNoProblems() {
        assertEquals(List.of(), GOOD.problems());
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                row("day: must be 1..30, is 31", s -> with(s, 31, s.tests(), s.limits(), s.weights(), s.speedup(),
                        s.hygiene())),
                row("tests: at least one hidden test class is needed", s -> with(s, 1, List.of(), s.limits(),
                        s.weights(), s.speedup(), s.hygiene())),
                row("limits.testTimeoutMs: must be positive, is 0", s -> limits(s, 0, 60000, 256, 1000)),
                row("limits.runTimeoutMs: must exceed limits.testTimeoutMs", s -> limits(s, 5000, 5000, 256, 1000)),
                row("limits.heapMb: must be at least 16, is 8", s -> limits(s, 5000, 60000, 8, 1000)),
                row("limits.lingerMs: must be 0..10000, is 10001", s -> limits(s, 5000, 60000, 256, 10001)),
                row("weights: must be non-negative and add up to 100", s -> with(s, 1, s.tests(), s.limits(),
                        new ProblemSpec.Weights(60, 25, 20), s.speedup(), s.hygiene())),
                row("weights.speedup: must be 0 when there is no speedup section", s -> with(s, 1, s.tests(),
                        s.limits(), s.weights(), null, s.hygiene())),
                row("speedup: runs must be at least 3 and target above 1.0", s -> with(s, 1, s.tests(), s.limits(),
                        s.weights(), new ProblemSpec.Speedup("W", "B", 2, 4.0, false), s.hygiene())),
                row("speedup: runs must be at least 3 and target above 1.0", s -> with(s, 1, s.tests(), s.limits(),
                        s.weights(), new ProblemSpec.Speedup("W", "B", 3, 1.0, false), s.hygiene())),
                row("hygiene.maxThreads: must not be negative", s -> with(s, 1, s.tests(), s.limits(), s.weights(),
                        s.speedup(), new ProblemSpec.Hygiene(-1, "forbid", true))),
                row("hygiene.leaks: must be \"forbid\" or \"allow\", is \"warn\"", s -> with(s, 1, s.tests(),
                        s.limits(), s.weights(), s.speedup(), new ProblemSpec.Hygiene(40, "warn", true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void eachBrokenFieldIsNamed(String message, UnaryOperator<ProblemSpec> breakIt) {
        assertEquals(List.of(message), breakIt.apply(GOOD).problems());
    }

    private static Arguments row(String message, UnaryOperator<ProblemSpec> breakIt) {
        return Arguments.of(message, breakIt);
    }

    private static ProblemSpec limits(ProblemSpec s, long test, long run, int heap, long linger) {
        return with(s, s.day(), s.tests(), new ProblemSpec.Limits(test, run, heap, linger), s.weights(), s.speedup(),
                s.hygiene());
    }

    private static ProblemSpec with(ProblemSpec s, int day, List<String> tests, ProblemSpec.Limits limits,
                                    ProblemSpec.Weights weights, ProblemSpec.Speedup speedup,
                                    ProblemSpec.Hygiene hygiene) {
        return new ProblemSpec(day, s.title(), s.concept(), s.api(), tests, s.plainTests(), limits, weights, speedup,
                hygiene, s.forbidden(), s.explore());
    }
}
