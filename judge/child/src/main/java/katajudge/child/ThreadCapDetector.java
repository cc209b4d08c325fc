package katajudge.child;

import java.util.List;

/**
 * Too many live learner threads. Past the cap (far above what the kata
 * allows) the run is stopped as a thread bomb, to keep the child alive;
 * past the kata's own limit the phase is reported once and goes on (the
 * verdict TOO_MANY_THREADS is judged at the end).
 */
final class ThreadCapDetector {

    /** What the watchdog does about the count: stop the run, report it, with a few of the threads to show. */
    sealed interface Decision {
        List<ThreadSample> sample();
    }

    /** A thread bomb: stop. {@code jdkHelpers} of the threads counted were the JDK's, started for learner calls. */
    record Stop(int live, int jdkHelpers, int cap, List<ThreadSample> sample) implements Decision {}

    /** Above the kata's limit: reported once a phase. */
    record Over(int live, int limit, List<ThreadSample> sample) implements Decision {}

    /** Threads shown with a finding: enough to see the creation site, few enough to read. */
    static final int SHOWN = 5;

    private final int cap;
    /** Live learner threads above which a phase is reported once (0: never). */
    private volatile int limit;
    private boolean reported;

    ThreadCapDetector(int cap) {
        this.cap = cap;
    }

    void reportAbove(int limit) {
        this.limit = limit;
    }

    /** A new phase: it may be reported again. */
    void reset() {
        reported = false;
    }

    /**
     * One tick.
     *
     * @param live       the learner's live threads (the registry's count, exact at every start and end)
     * @param jdkHelpers the JDK's helper threads started while a region ran, alive: never the learner's, but
     *                   a bomb of them (a new HttpClient per call, each with its selector thread) is stopped too
     * @param threads    the threads in view, oldest first, to pick the ones shown
     * @return what to do, or null
     */
    Decision observe(int live, int jdkHelpers, List<ThreadSample> threads) {
        if (live + jdkHelpers > cap) {
            return new Stop(live + jdkHelpers, jdkHelpers, cap,
                    threads.stream().filter(ThreadSample::counted).limit(SHOWN).toList());
        }
        int over = limit;
        if (over > 0 && live > over && !reported) {
            reported = true;
            return new Over(live, over, threads.stream().filter(t -> t.counted() && t.alive()).limit(SHOWN).toList());
        }
        return null;
    }
}
