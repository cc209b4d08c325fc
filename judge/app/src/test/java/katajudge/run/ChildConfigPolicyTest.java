package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Policy;
import katajudge.spec.ProblemSet;
import org.junit.jupiter.api.Test;

/**
 * The parent sends the child the policy scaled by the judging's limit factor (not only the deadlock window), and
 * the factor itself, by which the hidden tests' tolerances stretch.
 */
class ChildConfigPolicyTest {

    private static ChildConfig configAt(double scale) throws Exception {
        JudgeHome home = JudgeHome.locate(null);
        RunRequest request = RunRequest.builder().home(home).problem(new ProblemSet(home.problemsDir()).load(1))
                .submission(new Submission(Path.of("learner.jar"), "learner.Day01")).limitScale(scale).build();
        return ChildProcess.configFor(request, scale, null, Path.of("tests.jar"), Path.of("submission.jar"));
    }

    @Test
    void atOneAndAHalfEveryWindowTheChildReadsIsScaled() throws Exception {
        ChildConfig config = configAt(1.5);
        assertEquals(Policy.DEFAULT.scaled(1.5), config.policy());
        assertEquals(1_200, config.policy().busyStreakMs());
        assertEquals(225, config.deadlockWindowMs());
        assertEquals(1.5, config.limitScale());
    }

    @Test
    void aFactorTheTestsCannotTakeIsRefusedBeforeAnyChildStarts() {
        for (double bad : new double[] {0.9, 3.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> configAt(bad));
            assertTrue(e.getMessage().contains("limitScale must be from 1 to 3"),
                    e.getMessage());
        }
    }

    @Test
    void atTheNormalLimitsTheChildGetsTheDefault() throws Exception {
        assertEquals(Policy.DEFAULT, configAt(1.0).policy());
        assertEquals(1.0, configAt(1.0).limitScale());
    }
}
