package katajudge.score;

import java.util.List;
import katajudge.protocol.TestStatus;

/**
 * The outcome of scoring one run: the verdict, the score and its parts, and
 * every finding behind them.
 */
public record Judgement(
        Verdict verdict,
        Score score,
        List<TestOutcome> tests,
        List<Finding> findings,
        SpeedupFigures speedup,
        ThreadFigures threads) {

    /** Points earned and available per part; {@code total} is out of 100. */
    public record Score(double total, double correctness, int correctnessMax, double speedup, int speedupMax,
                        double hygiene, int hygieneMax) {}

    /** One hidden test as the learner sees it. */
    public record TestOutcome(String name, TestStatus status, long millis, long limitMillis, String message,
                              String exception, List<String> stack, String output) {}

    /**
     * @param baselineMillis   the baseline's times, in run order
     * @param submissionMillis the submission's times, interleaved with the baseline's
     * @param ratio            median baseline over median submission
     * @param target           the ratio that earns full points
     * @param error            why it could not be measured, or null
     */
    public record SpeedupFigures(List<Double> baselineMillis, List<Double> submissionMillis, double ratio,
                                 double target, String error) {}

    /** Learner threads over the run: started (by kind), most alive at once, and the kata's limit. */
    public record ThreadFigures(long startedPlatform, long startedVirtual, int peakLive, int peakPlatform,
                                int maxAllowed, int leaked) {}
}
