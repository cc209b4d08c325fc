package katajudge.protocol;

import java.util.List;

/**
 * Everything the child JVM needs to judge one submission, written by the
 * parent as JSON into the run's folder. The child trusts nothing else.
 *
 * @param api                the kata's API interface
 * @param implementation     the learner's class that implements it
 * @param submissionJar      the learner's jar, loaded in a class loader of its own
 * @param problemJars        the API and the judge pack (tests, workloads, baselines)
 * @param testClasses        hidden test classes, run in this order
 * @param workload           the speedup workload class, or null when the kata measures none
 * @param baseline           the sequential baseline class, or null
 * @param speedupRuns        how many interleaved runs of each
 * @param testTimeoutMs      wall-clock limit of one test or one workload run
 * @param lingerMs           how long learner threads may take to end after a test
 * @param policy             the judge's detection windows, already scaled by its limit factor: the child's
 *                           watchdog reads them from here, never from {@link Policy#DEFAULT}
 * @param limitScale         the judge's limit factor (1, 1.5 for {@code verify --sensitivity}, or the user's
 *                           {@code --limit-scale}): the hidden tests' own tolerances ({@code katas.support.Tolerance})
 *                           stretch by it as the limits and the policy above already have
 * @param busyWaitShare      CPU share of wall time above which a waiting thread spins; 0 turns it off
 * @param threadCap          live learner platform threads at which the run is stopped
 * @param outputLimitBytes   learner output kept per test
 * @param instrumented       whether the judge's agent is in this JVM; false for tests run by tools that
 *                           instrument bytecode themselves (Lincheck): no deadlock, leak or busy-wait
 *                           detection there, only time limits
 * @param recording          where the child dumps its flight recording for the report page, or null
 * @param exploreSeed        null; or the seed from which each hidden test's schedule is drawn (the kata's point is
 *                           a race: see {@code katajudge.runtime.Schedule})
 * @param skipTests          tests (by the names events give them) that an earlier child of this judging
 *                           already ran or stopped in: a fresh child runs only the rest (never null)
 * @param threadLimit        live learner threads the kata allows: above it, reported once per test (the run
 *                           goes on); 0 turns it off
 */
public record ChildConfig(
        String api,
        String implementation,
        String submissionJar,
        List<String> problemJars,
        List<String> testClasses,
        String workload,
        String baseline,
        int speedupRuns,
        long testTimeoutMs,
        long lingerMs,
        Policy policy,
        double busyWaitShare,
        int threadCap,
        int outputLimitBytes,
        boolean instrumented,
        String recording,
        Long exploreSeed,
        List<String> skipTests,
        int threadLimit,
        double limitScale) {

    public ChildConfig {
        skipTests = skipTests == null ? List.of() : List.copyOf(skipTests);
    }

    /**
     * How long everything must stay asleep before DEADLOCK: the policy's
     * window where the judge's agent is in the JVM; 0 (no deadlock detection)
     * where it is not.
     */
    public long deadlockWindowMs() {
        return instrumented ? policy.deadlockWindowMs() : 0;
    }

    /** The same judging, for a fresh child after an abort: skip these tests, measure no speedup, record nothing. */
    public ChildConfig continuing(List<String> skip) {
        return new ChildConfig(api, implementation, submissionJar, problemJars, testClasses, null, null, 0,
                testTimeoutMs, lingerMs, policy, busyWaitShare, threadCap, outputLimitBytes, instrumented,
                null, exploreSeed, skip, threadLimit, limitScale);
    }
}
