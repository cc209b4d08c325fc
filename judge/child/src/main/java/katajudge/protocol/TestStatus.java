package katajudge.protocol;

/**
 * How one hidden test ended, as the child reports it and the result file
 * records it (by name, so the JSON is unchanged from when it was a string).
 */
public enum TestStatus {
    /** The test passed. */
    PASSED,
    /** An assertion failed: a wrong result or behaviour. */
    FAILED,
    /** Another exception escaped the test. */
    ERROR,
    /** JUnit skipped or aborted it (an assumption did not hold). */
    SKIPPED,
    /** The template's {@code UnsupportedOperationException("TODO ...")} is still there. */
    NOT_IMPLEMENTED,
    /** The test during which every thread waited forever: the run was stopped there (see its DEADLOCK finding). */
    DEADLOCKED,
    /** The test that ran past its time limit: the run was stopped there (see its TIME_LIMIT finding). */
    TIMED_OUT,
    /** Planned, but the run was stopped before it (an abort: deadlock, time limit, thread cap). */
    NOT_RUN,
    /** The test in which live learner threads reached the cap: the run was stopped there (see TOO_MANY_THREADS). */
    CAPPED;

    public boolean passed() {
        return this == PASSED;
    }
}
