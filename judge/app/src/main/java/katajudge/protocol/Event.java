package katajudge.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What the child JVM tells the judge, one JSON line per event, as things
 * happen: if the child is killed, everything said before still counts.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Event.Started.class, name = "started"),
        @JsonSubTypes.Type(value = Event.Planned.class, name = "planned"),
        @JsonSubTypes.Type(value = Event.TestFinished.class, name = "test"),
        @JsonSubTypes.Type(value = Event.ThreadLeak.class, name = "leak"),
        @JsonSubTypes.Type(value = Event.Deadlock.class, name = "deadlock"),
        @JsonSubTypes.Type(value = Event.Timeout.class, name = "timeout"),
        @JsonSubTypes.Type(value = Event.BusyWait.class, name = "busy-wait"),
        @JsonSubTypes.Type(value = Event.TooManyThreads.class, name = "too-many-threads"),
        @JsonSubTypes.Type(value = Event.OverThreadLimit.class, name = "over-thread-limit"),
        @JsonSubTypes.Type(value = Event.Refused.class, name = "refused"),
        @JsonSubTypes.Type(value = Event.SpeedupMeasured.class, name = "speedup"),
        @JsonSubTypes.Type(value = Event.ThreadTotals.class, name = "thread-totals"),
        @JsonSubTypes.Type(value = Event.Fault.class, name = "judge-fault"),
        @JsonSubTypes.Type(value = Event.Finished.class, name = "finished"),
})
public sealed interface Event {

    /** The child is up: agent checked, submission loaded. */
    record Started(String jdk, int cores, String implementation) implements Event {}

    /** The hidden tests JUnit found, in the order they will run. */
    record Planned(List<String> tests) implements Event {}

    /**
     * One test, and how it ended ({@link TestStatus}).
     */
    record TestFinished(String name, String displayName, TestStatus status, String message, String exception,
                        List<String> stack, long millis, String output, int peakThreads) implements Event {}

    /** Learner threads still alive after the lingering window of a test or phase. */
    record ThreadLeak(String phase, List<ThreadSnapshot> threads) implements Event {}

    /** Every in-scope thread asleep with no progress: the run is stopped. */
    record Deadlock(String phase, String summary, List<String> cycle, List<ThreadSnapshot> threads)
            implements Event {}

    record Timeout(String phase, long elapsedMs, long limitMs, List<ThreadSnapshot> threads) implements Event {}

    /** A learner thread that burned CPU while the kata expects it to wait. */
    record BusyWait(String phase, double cpuShare, long windowMs, ThreadSnapshot thread) implements Event {}

    record TooManyThreads(String phase, int live, int cap, List<ThreadSnapshot> sample) implements Event {}

    /**
     * More learner threads alive at once than the kata allows (the run goes
     * on): the first time in a test, with a sample and their creation sites.
     */
    record OverThreadLimit(String phase, int live, int limit, List<ThreadSnapshot> sample) implements Event {}

    /**
     * Learner code tried something a judging does not allow and the judge
     * refused it: {@code kind} is exit, file, network, process or tamper.
     */
    record Refused(String kind, String detail, String phase, List<String> stack) implements Event {}

    /**
     * Interleaved wall-clock times of the workload: baseline, submission, baseline, ...
     *
     * @param notMeasured     why the workload was not run at all (not the learner's failure), or null
     * @param error           what the workload threw on a run, or null
     * @param assertionFailed whether that was an AssertionError: the workload found a wrong result
     */
    record SpeedupMeasured(List<Long> baselineNanos, List<Long> submissionNanos, String notMeasured, String error,
                           boolean assertionFailed) implements Event {

        public static SpeedupMeasured skipped(String why) {
            return new SpeedupMeasured(List.of(), List.of(), why, null, false);
        }
    }

    record ThreadTotals(long startedPlatform, long startedVirtual, int peakLive, int peakPlatform)
            implements Event {}

    /** Something went wrong on the judge's side: never the learner's fault. */
    record Fault(String message) implements Event {}

    record Finished(boolean aborted) implements Event {}
}
