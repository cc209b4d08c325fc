package katajudge.report;

import java.util.List;
import katajudge.bundle.Provenance;
import katajudge.score.Finding;
import katajudge.score.Judgement;
import katajudge.score.Verdict;

/**
 * The result file of one judging, {@code results/dayNN.json}. Its format is
 * versioned by {@link #SCHEMA} and documented in {@code judge/RESULTS.md};
 * fields are only ever added within a version. {@code producedBy} names the
 * judge version and problem-set digest that made the result.
 */
public record Result(
        String schema,
        String who,
        int day,
        String problem,
        String title,
        String judgedAt,
        String jar,
        String implementation,
        Verdict verdict,
        String verdictMeaning,
        Judgement.Score score,
        List<Judgement.TestOutcome> tests,
        List<Finding> findings,
        Judgement.SpeedupFigures speedup,
        Judgement.ThreadFigures threads,
        Timing timing,
        Environment environment,
        Provenance producedBy) {

    public static final String SCHEMA = "katas-judge/result/v1";

    /**
     * @param wallMillis      the whole judging, as the user waited for it
     * @param childMillis     the child JVM's life
     * @param testMillis      time inside hidden tests (learner code and test code)
     * @param speedupMillis   time inside timed workload runs
     * @param runLimitMillis  the child's wall-clock limit
     * @param limitScale      1.0, or the stretch used by verify's sensitivity check
     * @param startMillis     the judge's own start (its JVM, reading the spec) before the judging began
     * @param compileMillis   compiling the learner's module (0 for a jar)
     */
    public record Timing(long wallMillis, long childMillis, long testMillis, long speedupMillis,
                         long runLimitMillis, double limitScale, long startMillis, long compileMillis) {

        /** A judging's timing before the command that ran it adds the judge's start and the compile. */
        public Timing(long wallMillis, long childMillis, long testMillis, long speedupMillis, long runLimitMillis,
                      double limitScale) {
            this(wallMillis, childMillis, testMillis, speedupMillis, runLimitMillis, limitScale, 0, 0);
        }

        /** The timing of a judging as the user waited for it: from the judge's start to its result. */
        public Timing whole(long startMillis, long compileMillis, long wallMillis) {
            return new Timing(wallMillis, childMillis, testMillis, speedupMillis, runLimitMillis, limitScale,
                    startMillis, compileMillis);
        }
    }

    /** This result with another timing (the command that ran the judging knows the whole time). */
    public Result withTiming(Timing t) {
        return new Result(schema, who, day, problem, title, judgedAt, jar, implementation, verdict, verdictMeaning,
                score, tests, findings, speedup, threads, t, environment, producedBy);
    }

    /**
     * What could disturb timing, so a teacher can tell a noisy run, and how the
     * child was contained.
     *
     * @param sandbox the OS sandbox around the child ("bubblewrap 0.8.0"), or "no sandbox: why"
     */
    public record Environment(int cores, double loadAverage, String jdk, String os, String sandbox) {
        public static Environment current(String sandbox) {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return new Environment(Runtime.getRuntime().availableProcessors(),
                    Math.round(os.getSystemLoadAverage() * 100) / 100.0, Runtime.version().toString(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"), sandbox);
        }
    }
}
