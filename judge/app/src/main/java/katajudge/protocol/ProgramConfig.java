package katajudge.protocol;

import java.util.List;

/**
 * What {@code judge run} asks of its child JVM: run any program under the
 * agent and report deadlocks and threads left alive.
 *
 * @param jar              the program's jar
 * @param mainClass        the class whose {@code main} to run
 * @param args             the program's arguments
 * @param timeoutMs        wall-clock limit; past it the threads are shown and the JVM ends
 * @param deadlockWindowMs how long everything must stay asleep before a deadlock is reported
 * @param lingerMs         how long daemon threads may take to end after the last non-daemon one
 */
public record ProgramConfig(String jar, String mainClass, List<String> args, long timeoutMs, long deadlockWindowMs,
                            long lingerMs) {
}
