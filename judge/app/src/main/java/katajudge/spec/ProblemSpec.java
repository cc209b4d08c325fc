package katajudge.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A kata's {@code spec.json}: what the judge runs and how it scores. The
 * format is documented in {@code problems/README.md}; unknown fields are
 * refused so a typo never passes silently.
 */
public record ProblemSpec(
        @JsonProperty(required = true) int day,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) String concept,
        @JsonProperty(required = true) String api,
        @JsonProperty(required = true) List<String> tests,
        List<String> plainTests,
        @JsonProperty(required = true) Limits limits,
        @JsonProperty(required = true) Weights weights,
        Speedup speedup,
        @JsonProperty(required = true) Hygiene hygiene,
        Forbidden forbidden,
        Explore explore) {

    /**
     * Hidden tests run in a second JVM without the judge's agent, for tools
     * that instrument bytecode themselves (Lincheck's model checker); they
     * count like the other hidden tests. Never null.
     */
    public List<String> plainTests() {
        return plainTests == null ? List.of() : plainTests;
    }

    /**
     * APIs the submission may not use, found in its bytecode before it runs
     * (FORBIDDEN_API).
     *
     * @param apis           deny-list: {@code pkg.Class#method}, {@code pkg.Class} or {@code pkg.*}
     * @param only           allow-list, or null: where the statement says "only", every class of these
     *                       packages not allowed is forbidden
     * @param noSynchronized whether synchronized blocks and methods are forbidden too
     * @param why            one line shown to the learner: why the kata forbids them
     */
    public record Forbidden(@JsonProperty(required = true) List<String> apis, Only only, boolean noSynchronized,
                            @JsonProperty(required = true) String why) {}

    /**
     * Katas whose point is a race: every hidden test runs under a seeded
     * schedule (the machinery of {@code judge run --explore}: the learner's
     * threads held back for a moment at field accesses, locks, atomics,
     * wait/notify and thread start), so that one judging finds the race with
     * high probability. Speed is measured without it.
     *
     * @param seed the first test's schedule seed; null (the usual): a fresh one per judging, printed with a
     *             failure
     */
    public record Explore(Long seed) {}

    /**
     * An allow-list: in {@code packages} (and their subpackages) only the
     * classes matching {@code allowed} may be used (patterns as in
     * {@link Forbidden#apis}, without methods).
     */
    public record Only(@JsonProperty(required = true) List<String> packages,
                       @JsonProperty(required = true) List<String> allowed) {}

    /**
     * @param testTimeoutMs wall-clock limit of one test or one workload run
     * @param runTimeoutMs  wall-clock limit of the whole child JVM, start to end
     * @param heapMb        the child's maximum heap
     * @param lingerMs      how long learner threads may take to end after a test
     */
    public record Limits(@JsonProperty(required = true) long testTimeoutMs,
                         @JsonProperty(required = true) long runTimeoutMs,
                         @JsonProperty(required = true) int heapMb,
                         @JsonProperty(required = true) long lingerMs) {}

    /** Points out of 100; they must add up to 100. */
    public record Weights(@JsonProperty(required = true) int correctness,
                          @JsonProperty(required = true) int speedup,
                          @JsonProperty(required = true) int hygiene) {}

    /**
     * @param workload class implementing {@code katas.support.SpeedupWorkload}
     * @param baseline the sequential solution the submission is compared with
     * @param runs     interleaved runs of each (the median counts)
     * @param target   the speedup that earns full points, set between serial (1) and ideal
     * @param cpuBound whether the workload keeps the cores busy (default false): its timed runs then wait to
     *                 have the machine to themselves when judgings share it ({@code verify --jobs}); a
     *                 sleep-bound workload is timed beside other judgings
     */
    public record Speedup(@JsonProperty(required = true) String workload,
                          @JsonProperty(required = true) String baseline,
                          @JsonProperty(required = true) int runs,
                          @JsonProperty(required = true) double target,
                          boolean cpuBound) {}

    /**
     * @param maxThreads learner threads alive at once (platform and virtual) that the kata needs at most
     * @param leaks      "forbid": a thread alive after its test is a THREAD_LEAK; "allow": reported only
     * @param busyWait   whether learner threads are expected to wait rather than spin
     */
    public record Hygiene(@JsonProperty(required = true) int maxThreads,
                          @JsonProperty(required = true) String leaks,
                          @JsonProperty(required = true) boolean busyWait) {}

    /** Checks what JSON typing cannot; each message names the field. */
    public List<String> problems() {
        List<String> out = new java.util.ArrayList<>();
        if (day < 1 || day > 30) {
            out.add("day: must be 1..30, is " + day);
        }
        if (tests.isEmpty()) {
            out.add("tests: at least one hidden test class is needed");
        }
        if (limits.testTimeoutMs() <= 0) {
            out.add("limits.testTimeoutMs: must be positive, is " + limits.testTimeoutMs());
        }
        if (limits.runTimeoutMs() <= limits.testTimeoutMs()) {
            out.add("limits.runTimeoutMs: must exceed limits.testTimeoutMs");
        }
        if (limits.heapMb() < 16) {
            out.add("limits.heapMb: must be at least 16, is " + limits.heapMb());
        }
        if (limits.lingerMs() < 0 || limits.lingerMs() > 10_000) {
            out.add("limits.lingerMs: must be 0..10000, is " + limits.lingerMs());
        }
        if (weights.correctness() < 0 || weights.speedup() < 0 || weights.hygiene() < 0
                || weights.correctness() + weights.speedup() + weights.hygiene() != 100) {
            out.add("weights: must be non-negative and add up to 100");
        }
        if (speedup == null && weights.speedup() != 0) {
            out.add("weights.speedup: must be 0 when there is no speedup section");
        }
        if (speedup != null && (speedup.runs() < 3 || speedup.target() <= 1.0)) {
            out.add("speedup: runs must be at least 3 and target above 1.0");
        }
        if (hygiene.maxThreads() < 0) {
            out.add("hygiene.maxThreads: must not be negative");
        }
        if (forbidden != null && forbidden.only() != null && (forbidden.only().packages().isEmpty()
                || forbidden.only().allowed().stream().anyMatch(a -> a.contains("#")))) {
            out.add("forbidden.only: needs at least one package, and classes (no methods) as allowed");
        }
        if (!hygiene.leaks().equals("forbid") && !hygiene.leaks().equals("allow")) {
            out.add("hygiene.leaks: must be \"forbid\" or \"allow\", is \"" + hygiene.leaks() + "\"");
        }
        return out;
    }
}
