package katajudge.protocol;

import java.util.List;

/**
 * What {@code judge run} asks of its child JVM: run any program under the
 * agent and report deadlocks and threads left alive.
 *
 * @param jar              the program's jar
 * @param mainClass        the class whose {@code main} to run
 * @param args             the program's arguments
 * @param timeoutMs        wall-clock limit of one run; past it the threads are shown and the JVM ends
 * @param deadlockWindowMs how long everything must stay asleep before a deadlock is reported
 * @param lingerMs         how long daemon threads may take to end after the last non-daemon one
 * @param assertions       whether the program's {@code assert}s are checked ({@code java -ea})
 * @param schedules        0 for one natural run; otherwise how many seeded schedules to explore
 * @param seed             the first schedule's seed (the others follow from it); only when exploring
 * @param explorations     how many explorations, each from its own base seed, before the JVM ends: 1 for a
 *                         person; more when the judge's own tests measure how often a bug is found
 */
public record ProgramConfig(String jar, String mainClass, List<String> args, long timeoutMs, long deadlockWindowMs,
                            long lingerMs, boolean assertions, int schedules, long seed, int explorations) {
}
