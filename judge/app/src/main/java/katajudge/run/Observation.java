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
 */
public record Observation(List<Event> events, int exitCode, boolean killed, long wallMillis, String stderrTail,
                          long runLimitMs) {

    public <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends Event> T first(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /**
     * This observation followed by a second child's (the plain tests): its
     * test events join ours; its life adds to ours; its end is the end.
     */
    public Observation merge(Observation second) {
        List<Event> all = new java.util.ArrayList<>(events.stream().filter(e -> !(e instanceof Event.Finished)).toList());
        second.events.stream().filter(e -> e instanceof Event.Planned || e instanceof Event.TestFinished
                || e instanceof Event.Timeout || e instanceof Event.Fault || e instanceof Event.Finished)
                .forEach(all::add);
        return new Observation(List.copyOf(all), second.exitCode, second.killed, wallMillis + second.wallMillis,
                stderrTail + second.stderrTail, runLimitMs + second.runLimitMs);
    }

    /**
     * The tests a fresh child should skip when this one was stopped in a
     * test (deadlock, time limit, thread cap, out of memory) before all
     * planned tests ran: those that finished and the one it stopped in.
     * Null when there is nothing to continue: not stopped, stopped outside
     * a test (speedup runs) or by the judge, or every test already ran.
     */
    public List<String> testsToSkipAfterAbort() {
        Event.Finished end = first(Event.Finished.class);
        if (end == null || !end.aborted() || killed || first(Event.Fault.class) != null) {
            return null;
        }
        java.util.Set<String> planned = new java.util.LinkedHashSet<>();
        all(Event.Planned.class).forEach(p -> planned.addAll(p.tests()));
        String stopped = stoppedIn();
        if (stopped == null || !planned.contains(stopped)) {
            return null;
        }
        java.util.Set<String> skip = new java.util.LinkedHashSet<>();
        all(Event.TestFinished.class).forEach(t -> skip.add(t.name()));
        skip.add(stopped);
        return skip.containsAll(planned) ? null : List.copyOf(skip);
    }

    /** The test (or phase) a fatal finding stopped this run in, or null. */
    public String stoppedIn() {
        for (Event e : events.reversed()) {
            switch (e) {
                case Event.Deadlock d -> { return d.phase(); }
                case Event.Timeout t -> { return t.phase(); }
                case Event.TooManyThreads t -> { return t.phase(); }
                case Event.TestFinished t when "java.lang.OutOfMemoryError".equals(t.exception()) -> {
                    return t.name();
                }
                default -> { }
            }
        }
        return null;
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
                stderrTail + next.stderrTail, runLimitMs);
    }

    public boolean finished() {
        return first(Event.Finished.class) != null;
    }
}
