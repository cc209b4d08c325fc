package katajudge.protocol;

/**
 * Every detection window and threshold of the judge in one place, with why
 * it has the value it has. A kata's own limits (test and run time, heap,
 * linger, thread count) are in its spec.json; these are the judge's, the same
 * for every kata. {@link #scaled} stretches the windows by the judge's limit
 * factor ({@code verify --sensitivity} judges at 1.5x) so a detection never
 * stays tighter than the limits around it.
 *
 * @param deadlockWindowMs        how long every thread in scope must stay asleep, with no progress, before a
 *                                test is a DEADLOCK: long enough for a handoff on a loaded machine, short
 *                                enough that a deadlocked test ends long before its time limit
 * @param programDeadlockWindowMs the same for {@code judge run}: a whole program, no test limit bounds it
 * @param watchdogTickMs          how often the child's watchdog looks at the threads
 * @param lateAllowanceFactor     the deadlock window grows by this many times how late the watchdog's ticks
 *                                run (a smoothed measure of overload): a woken thread waiting for a core still
 *                                looks asleep
 * @param lateAllowanceMaxMs      at most by this much
 * @param busyStreakMs            how long a thread must stay RUNNABLE in learner code, using CPU, to be called
 *                                spinning (class loading or a library's start-up does not last that long)
 * @param busyWaitShare           the CPU share of wall time above which such a thread spins
 * @param threadCapMin            live learner threads at which a run is stopped as a thread bomb, at least...
 * @param threadCapPerAllowed     ...or this many times the kata's {@code hygiene.maxThreads}: far above what
 *                                a kata allows (that is TOO_MANY_THREADS, judged at the end), only to keep the
 *                                child alive
 * @param outputLimitBytes        learner output kept per test
 * @param programLingerMs         how long a program's daemon threads may take to end in {@code judge run}
 * @param startupLimitMs          how long a child JVM may take to start before the run limit starts anyway
 * @param jvmHeadroomMb           heap added to the kata's {@code heapMb} for the judge's own part of the child
 */
public record Policy(long deadlockWindowMs, long programDeadlockWindowMs, long watchdogTickMs,
                     int lateAllowanceFactor, long lateAllowanceMaxMs, long busyStreakMs, double busyWaitShare,
                     int threadCapMin, int threadCapPerAllowed, int outputLimitBytes, long programLingerMs,
                     long startupLimitMs, int jvmHeadroomMb) {

    /** The judge's policy at its normal limits. */
    public static final Policy DEFAULT = new Policy(150, 200, 20, 10, 2_000, 800, 0.05, 256, 8, 16 * 1024, 500,
            120_000, 64);

    /** The windows stretched by {@code factor} (positive); shares, caps, sizes and the tick stay. */
    public Policy scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a limit factor is a positive number, not " + factor);
        }
        return new Policy(Math.round(deadlockWindowMs * factor), Math.round(programDeadlockWindowMs * factor),
                watchdogTickMs, lateAllowanceFactor, Math.round(lateAllowanceMaxMs * factor),
                Math.round(busyStreakMs * factor), busyWaitShare, threadCapMin, threadCapPerAllowed, outputLimitBytes,
                Math.round(programLingerMs * factor), startupLimitMs, jvmHeadroomMb);
    }

    /** Live learner threads at which a kata allowing {@code maxThreads} is stopped as a thread bomb. */
    public int threadCap(int maxThreads) {
        return Math.max(threadCapMin, maxThreads * threadCapPerAllowed);
    }

    /** How much longer than {@link #deadlockWindowMs} to wait when the watchdog runs {@code lateMs} late. */
    public long lateAllowanceMs(long lateMs) {
        return Math.min(lateAllowanceMaxMs, lateAllowanceFactor * lateMs);
    }
}
