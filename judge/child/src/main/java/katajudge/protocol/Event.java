package katajudge.protocol;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the child JVM tells the judge, one JSON line per event, as things
 * happen: if the child is killed, everything said before still counts.
 * {@link ProtocolJson} writes each with its name ({@link #NAMES}) in an
 * {@code "event"} property.
 */
public sealed interface Event {

    /** Each event's name on the channel (the wire format; kept as it was when Jackson wrote it). */
    Map<Class<? extends Event>, String> NAMES = Map.ofEntries(
            Map.entry(Started.class, "started"),
            Map.entry(Planned.class, "planned"),
            Map.entry(TestFinished.class, "test"),
            Map.entry(ThreadLeak.class, "leak"),
            Map.entry(Deadlock.class, "deadlock"),
            Map.entry(Timeout.class, "timeout"),
            Map.entry(BusyWait.class, "busy-wait"),
            Map.entry(TooManyThreads.class, "too-many-threads"),
            Map.entry(OverThreadLimit.class, "over-thread-limit"),
            Map.entry(Refused.class, "refused"),
            Map.entry(SpeedupStarting.class, "speedup-starting"),
            Map.entry(SpeedupMeasured.class, "speedup"),
            Map.entry(ThreadTotals.class, "thread-totals"),
            Map.entry(Fault.class, "judge-fault"),
            Map.entry(KernelLimit.class, "kernel-limit"),
            Map.entry(Finished.class, "finished"));

    static String nameOf(Class<? extends Event> type) {
        String name = NAMES.get(type);
        if (name == null) {
            throw new IllegalArgumentException("an event with no name on the channel: " + type.getName());
        }
        return name;
    }

    /** {@link #NAMES} the other way, built once: each channel line is read by its name. */
    Map<String, Class<? extends Event>> TYPES = NAMES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /** The event type of a name on the channel, or null. */
    static Class<? extends Event> typeNamed(String name) {
        return name == null ? null : TYPES.get(name);
    }

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

    /** {@code jdkHelpers} of the {@code live} threads were the JDK's own, started for the learner's calls. */
    record TooManyThreads(String phase, int live, int cap, List<ThreadSnapshot> sample, int jdkHelpers)
            implements Event {}

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
     * Every hidden test passed: the child is about to time the workload, and
     * waits for the judge's go on its standard input (a line), which comes
     * once the judging has the machine to itself (see
     * {@code katajudge.run.MachineShare}).
     */
    record SpeedupStarting(int runs) implements Event {}

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

    /**
     * The kernel stopped the child at a limit of its control group: its
     * memory (heap and native together: a task was killed) or its tasks (a
     * thread or process could not start). The parent reads it from the group
     * after the child has ended; the child never sends it.
     *
     * @param limit  which limit
     * @param detail the limit's size, as the learner reads it
     */
    record KernelLimit(Kind limit, String detail) implements Event {
        public enum Kind { MEMORY, TASKS }
    }

    /** Something went wrong on the judge's side: never the learner's fault. */
    record Fault(String message) implements Event {}

    record Finished(boolean aborted) implements Event {}
}
