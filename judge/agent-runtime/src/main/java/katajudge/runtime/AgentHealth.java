package katajudge.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the agent works: what it could not instrument, and its
 * install-time self-test (a thread start, park, sleep and end must each be
 * seen). A problem here makes every verdict a JUDGE_ERROR instead of a
 * judging done blind.
 */
public final class AgentHealth {

    private static final List<String> PROBLEMS = new CopyOnWriteArrayList<>();
    /** Counts the events the agent saw, judged region or not, while the self-test runs. */
    private static final AtomicLong eventsSeen = new AtomicLong();
    /** Counting events costs a shared counter; only the install-time self-test needs it. */
    private static volatile boolean selfTesting = true;
    private static volatile boolean selfTestPassed;

    private AgentHealth() {}

    /** The agent reports what it could not instrument; a non-empty list makes every verdict a JUDGE_ERROR. */
    public static void reportAgentProblem(String problem) {
        PROBLEMS.add(problem);
    }

    public static List<String> agentProblems() {
        return List.copyOf(PROBLEMS);
    }

    /** An event of the agent (a thread start or end, a wait) was seen: counted while the self-test runs. */
    static void noteEvent() {
        if (selfTesting) {
            eventsSeen.incrementAndGet();
        }
    }

    public static long eventsSeen() {
        return eventsSeen.get();
    }

    public static void markSelfTestPassed() {
        selfTestPassed = true;
        selfTesting = false;
    }

    public static void endSelfTest() {
        selfTesting = false;
    }

    /** Whether the agent saw a thread start, a park, a sleep and a thread end at install time. */
    public static boolean selfTestPassed() {
        return selfTestPassed;
    }
}
