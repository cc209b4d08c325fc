package katajudge.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Event;

/**
 * The parent's own per-test time limits, kept from the events it receives,
 * so a child whose watchdog was blinded (or that went quiet any other way)
 * is still stopped near the test's limit, not only at the run's outer limit.
 * Once the tests are planned, each one must report within its limit plus
 * the lingering window plus {@link #GRACE_MS}; after the last test, the timed
 * workload runs get their own budget.
 */
final class TestClock {

    /** Beyond the child's own limit: the child's watchdog stops a test first, whenever it can. */
    static final long GRACE_MS = 10_000;

    private final long perTestMs;
    private final long afterTestsMs;

    TestClock(ChildConfig config) {
        this.perTestMs = config.testTimeoutMs() + config.lingerMs() + config.deadlockWindowMs() + GRACE_MS;
        this.afterTestsMs = 2L * config.speedupRuns() * config.testTimeoutMs() + config.lingerMs() + GRACE_MS;
    }

    /** A test (or the workload phase) the child stayed silent about for too long. */
    record Overrun(String phase, long silentMs, long limitMs) {
        Event.Timeout asEvent() {
            return new Event.Timeout(phase + " (stopped by the judge: the child sent nothing for " + silentMs
                    + " ms)", silentMs, limitMs, List.of());
        }
    }

    /**
     * Whether the child has overrun, given what it said so far and how long
     * ago it last said something; null while it is within its limits.
     */
    Overrun check(List<Event> events, long silentMs) {
        Set<String> waiting = new LinkedHashSet<>();
        boolean planned = false;
        for (Event e : events) {
            if (e instanceof Event.Planned p) {
                planned = true;
                waiting.addAll(p.tests());
            } else if (e instanceof Event.TestFinished t) {
                waiting.remove(t.name());
            } else if (e instanceof Event.Finished || e instanceof Event.Deadlock || e instanceof Event.Timeout
                    || e instanceof Event.TooManyThreads) {
                return null; // the child stopped the run itself; the run's own limit covers its ending
            }
        }
        if (!planned) {
            return null; // starting up and discovering tests: the run's own limit covers it
        }
        String phase = waiting.isEmpty() ? "the timed workload runs" : waiting.iterator().next();
        long limit = waiting.isEmpty() ? afterTestsMs : perTestMs;
        return silentMs > limit ? new Overrun(phase, silentMs, limit) : null;
    }
}
