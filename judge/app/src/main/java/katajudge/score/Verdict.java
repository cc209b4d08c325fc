package katajudge.score;

/**
 * The verdicts, most severe first: when a run has several findings, the
 * first in this order is the verdict. The order says what to fix first; a
 * deadlock hides everything after it, a wrong answer matters more than a
 * leak, and speed only counts once the rest is right.
 */
public enum Verdict {
    JUDGE_ERROR("the judge failed; this is not your fault, please report it"),
    BUILD_FAILED("your module does not compile"),
    FORBIDDEN_API("your code uses an API this kata forbids"),
    NOT_IMPLEMENTED("the kata is still the untouched template"),
    DEADLOCK("every thread waits forever"),
    TIME_LIMIT("a test or the whole run took longer than its limit"),
    MEMORY_LIMIT("the memory limit was exceeded: the heap's, or (where the kernel bounds it) all the JVM's memory"),
    RUNTIME_ERROR("your code threw an exception or tried to end the JVM"),
    WRONG_ANSWER("a test found a wrong result or behaviour"),
    TOO_MANY_THREADS("more threads than the kata needs"),
    THREAD_LEAK("threads outlived the call that started them"),
    BUSY_WAIT("a thread burned CPU while it should have waited"),
    SLOW("correct, but not fast enough against the sequential baseline"),
    ACCEPTED("correct, fast and clean");

    private final String meaning;

    Verdict(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether this verdict is worse than (comes before) {@code other}. */
    public boolean worseThan(Verdict other) {
        return ordinal() < other.ordinal();
    }

    /** The verdict a solution folder name stands for: {@code thread_leak} is THREAD_LEAK. */
    public static Verdict ofFolder(String folder) {
        return valueOf(folder.toUpperCase(java.util.Locale.ROOT));
    }
}
