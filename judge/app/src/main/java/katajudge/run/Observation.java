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

    public boolean finished() {
        return first(Event.Finished.class) != null;
    }
}
