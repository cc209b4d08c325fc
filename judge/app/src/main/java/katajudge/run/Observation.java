package katajudge.run;

import java.util.List;
import katajudge.protocol.Event;

/**
 * Everything the parent saw of one child JVM: the events it sent, how it
 * ended, and the tail of its standard error.
 *
 * @param events     events in the order received
 * @param exitCode   the child's exit code (-1 if killed)
 * @param killed     the judge killed the child at the run's wall-clock limit
 * @param wallMillis the child's life, fork to exit
 * @param stderrTail the last of what the child wrote to its real standard error
 * @param runLimitMs the wall-clock limit it had
 * @param tampering  what was wrong with the result channel (a forged, damaged or missing message, planned
 *                   tests that never reported): each one is the learner's doing; empty when it was clean
 * @param sandbox    the OS sandbox the child ran in
 */
public record Observation(List<Event> events, int exitCode, boolean killed, long wallMillis, String stderrTail,
                          long runLimitMs, List<String> tampering, Sandbox sandbox) {

    /** A run seen on a clean channel, sandbox unknown (scoring tests, tools that replay events). */
    public Observation(List<Event> events, int exitCode, boolean killed, long wallMillis, String stderrTail,
                       long runLimitMs) {
        this(events, exitCode, killed, wallMillis, stderrTail, runLimitMs, List.of(), new Sandbox(false, "unknown"));
    }

    public <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends Event> T first(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /**
     * This observation followed by a second child's (the plain tests): its
     * test events join ours; its life adds to ours; its end is the end.
     *
     * <p>The second JVM runs learner code without the judge's agent (Lincheck
     * brings its own), so what it says is trusted only as far as the parent
     * can check it: it may report on the test classes it was given,
     * {@code itsTestClasses}, and nothing else. A report on any other test (a
     * main test's pass, say) is not merged but kept as tampering.
     */
    public Observation merge(Observation second, List<String> itsTestClasses) {
        java.util.Set<String> its = itsTestClasses.stream().map(c -> c.substring(c.lastIndexOf('.') + 1))
                .collect(java.util.stream.Collectors.toSet());
        java.util.function.Predicate<String> ours = name -> name == null || !its.contains(classOf(name));
        List<String> forged = new java.util.ArrayList<>();
        List<Event> all = new java.util.ArrayList<>(events.stream().filter(e -> !(e instanceof Event.Finished)).toList());
        for (Event e : second.events) {
            Event kept = switch (e) {
                case Event.Planned p -> {
                    p.tests().stream().filter(ours).forEach(forged::add);
                    yield new Event.Planned(p.tests().stream().filter(ours.negate()).toList());
                }
                case Event.TestFinished t when ours.test(t.name()) -> {
                    forged.add(t.name());
                    yield null;
                }
                case Event.TestFinished t -> t;
                case Event.Timeout t -> t;
                case Event.Fault f -> f;
                case Event.KernelLimit k -> k;
                case Event.Finished f -> f;
                default -> null;
            };
            if (kept != null) {
                all.add(kept);
            }
        }
        List<String> tampering = new java.util.ArrayList<>(this.tampering);
        tampering.addAll(second.tampering);
        forged.stream().distinct().forEach(name -> tampering.add("the JVM of the kata's plain tests reported on "
                + name + ", which it was not given to run"));
        if (second.finished() && !second.first(Event.Finished.class).aborted()) {
            // It says it ran everything: each class it was given must have reported a test.
            java.util.Set<String> reported = second.all(Event.TestFinished.class).stream()
                    .map(t -> classOf(t.name())).collect(java.util.stream.Collectors.toSet());
            its.stream().filter(c -> !reported.contains(c)).sorted().forEach(c -> tampering.add(
                    "the JVM of the kata's plain tests ended without reporting on " + c + ", which it was given"));
        }
        if (second.first(Event.Started.class) == null) {
            // No learner code runs before a child's start is sent (the submission is loaded, not initialised):
            // a second JVM that never started failed on the judge's side, never the learner's.
            all.add(new Event.Fault("the JVM of the kata's plain tests did not start (exit code " + second.exitCode
                    + (second.killed ? ", stopped at its limit" : "") + ")"
                    + second.stderrTail.lines().filter(l -> !l.isBlank()).findFirst().map(l -> ": " + l).orElse("")));
        }
        return new Observation(List.copyOf(all), second.exitCode, second.killed, wallMillis + second.wallMillis,
                stderrTail + second.stderrTail, runLimitMs + second.runLimitMs, List.copyOf(tampering), sandbox);
    }

    /** The simple name of a test's class: a test's name starts with it (TestListener.nameOf). */
    private static String classOf(String testName) {
        return testName.split("[. ]", 2)[0];
    }

    /**
     * The planned test this child (one child, not a merged run) was stopped
     * in by a deadlock, time limit, thread cap or out of memory, or null: it
     * ended normally, was killed at the run's limit, failed on the judge's
     * side, or was stopped outside a test (speedup runs).
     */
    public String stoppedTest() {
        Event.Finished end = first(Event.Finished.class);
        if (end == null || !end.aborted() || killed || first(Event.Fault.class) != null) {
            return null;
        }
        java.util.Set<String> planned = new java.util.HashSet<>();
        all(Event.Planned.class).forEach(p -> planned.addAll(p.tests()));
        for (Event e : events.reversed()) {
            String phase = switch (e) {
                case Event.Deadlock d -> d.phase();
                case Event.Timeout t -> t.phase();
                case Event.TooManyThreads t -> t.phase();
                case Event.TestFinished t when "java.lang.OutOfMemoryError".equals(t.exception()) -> t.name();
                default -> null;
            };
            if (phase != null) {
                return planned.contains(phase) ? phase : null;
            }
        }
        return null;
    }

    /**
     * The tests a fresh child should skip after this run (children so far)
     * was stopped in {@code stopped}: those that finished, and every test a
     * child was stopped in; null when no planned test is left to run.
     */
    public List<String> testsToSkip(String stopped) {
        java.util.Set<String> planned = new java.util.LinkedHashSet<>();
        all(Event.Planned.class).forEach(p -> planned.addAll(p.tests()));
        java.util.Set<String> skip = new java.util.LinkedHashSet<>();
        all(Event.TestFinished.class).forEach(t -> skip.add(t.name()));
        all(Event.Deadlock.class).forEach(d -> skip.add(d.phase()));
        all(Event.Timeout.class).forEach(t -> skip.add(t.phase()));
        all(Event.TooManyThreads.class).forEach(t -> skip.add(t.phase()));
        skip.retainAll(planned);
        skip.add(stopped);
        return skip.containsAll(planned) ? null : List.copyOf(skip);
    }

    /**
     * This stopped child followed by the fresh one that ran the rest of its
     * tests: all events of both (one start, one end, thread figures added
     * up); the speedup, when the kata measures one, is not measured, since
     * the stopped test did not pass.
     */
    public Observation continuedBy(Observation next, boolean measuresSpeedup) {
        List<Event> all = new java.util.ArrayList<>();
        events.stream().filter(e -> !(e instanceof Event.Finished || e instanceof Event.ThreadTotals))
                .forEach(all::add);
        next.events.stream().filter(e -> !(e instanceof Event.Started || e instanceof Event.Finished
                || e instanceof Event.ThreadTotals)).forEach(all::add);
        Event.ThreadTotals a = first(Event.ThreadTotals.class);
        Event.ThreadTotals b = next.first(Event.ThreadTotals.class);
        if (a != null || b != null) {
            all.add(a == null ? b : b == null ? a : new Event.ThreadTotals(a.startedPlatform() + b.startedPlatform(),
                    a.startedVirtual() + b.startedVirtual(), Math.max(a.peakLive(), b.peakLive()),
                    Math.max(a.peakPlatform(), b.peakPlatform())));
        }
        if (measuresSpeedup && first(Event.SpeedupMeasured.class) == null) {
            all.add(Event.SpeedupMeasured.skipped("speed only counts once every hidden test passes"));
        }
        next.events.stream().filter(e -> e instanceof Event.Finished).forEach(all::add);
        return new Observation(List.copyOf(all), next.exitCode, next.killed, wallMillis + next.wallMillis,
                stderrTail + next.stderrTail, runLimitMs,
                java.util.stream.Stream.concat(tampering.stream(), next.tampering.stream()).toList(), sandbox);
    }

    public boolean finished() {
        return first(Event.Finished.class) != null;
    }
}
