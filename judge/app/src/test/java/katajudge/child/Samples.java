package katajudge.child;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the snapshots the detectors decide from, as the watchdog would take them, without a thread. */
final class Samples {

    private Samples() {}

    static final long MS = 1_000_000L;
    /** When a series starts (System.nanoTime): any time but 0. */
    static final long T0 = 10_000 * MS;
    /** The phase's time limit ends here: 3 s after the series starts. */
    static final long LIMIT_AT = T0 + 3_000 * MS;

    /** The test thread. */
    static ThreadSample root(Thread.State state, long progress) {
        return new ThreadSample(1, "test", false, false, false, true, true, true, state, wait(state), forever(state),
                progress, -1);
    }

    static ThreadSample learner(long id, Thread.State state, long progress) {
        return new ThreadSample(id, "worker-" + id, false, true, false, true, false, true, state, wait(state),
                forever(state), progress, -1);
    }

    static ThreadSample virtual(long id, Thread.State state, long progress) {
        return new ThreadSample(id, "virtual-" + id, true, true, false, true, false, true, state, wait(state),
                forever(state), progress, -1);
    }

    /** A learner's platform thread running, with the CPU time it has used so far. */
    static ThreadSample running(long id, long cpuNanos) {
        return new ThreadSample(id, "worker-" + id, false, true, false, true, false, true, Thread.State.RUNNABLE,
                null, Long.MAX_VALUE, 0, cpuNanos);
    }

    /** A timed wait (sleep, poll with a timeout) that ends at {@code untilNanos}. */
    static ThreadSample timed(long id, long untilNanos, long progress) {
        return new ThreadSample(id, "worker-" + id, false, true, false, true, false, true,
                Thread.State.TIMED_WAITING, "park", untilNanos, progress, -1);
    }

    static ThreadSample retired(ThreadSample t) {
        return new ThreadSample(t.id(), t.name(), t.virtual(), t.learner(), true, t.alive(), t.root(),
                t.startedInPhase(), t.state(), t.waitKind(), t.waitUntilNanos(), t.progress(), t.cpuNanos());
    }

    /** A thread the test started in an earlier phase (not this test's helper). */
    static ThreadSample leftover(long id, Thread.State state) {
        return new ThreadSample(id, "helper-" + id, false, false, false, true, false, false, state, wait(state),
                forever(state), 0, -1);
    }

    private static String wait(Thread.State s) {
        return s == Thread.State.WAITING ? "park" : null;
    }

    /** An untimed wait never times out. */
    private static long forever(Thread.State s) {
        return Long.MAX_VALUE;
    }

    /** A probe answering from a table: who holds what, which threads run learner code, whether the JDK works. */
    static final class Probe implements ThreadProbe {
        final Map<Long, Holder> holders = new HashMap<>();
        final java.util.Set<Long> inJdkCode = new java.util.HashSet<>();
        boolean jdkBusy;

        Probe holds(long waiter, long holderId, String holderName, boolean alive) {
            holders.put(waiter, new Holder(holderId, holderName, alive));
            return this;
        }

        Probe inJdkCode(long id) {
            inJdkCode.add(id);
            return this;
        }

        Probe jdkBusy() {
            jdkBusy = true;
            return this;
        }

        @Override
        public boolean runsLearnerCode(long threadId) {
            return !inJdkCode.contains(threadId);
        }

        @Override
        public Holder holderOf(long threadId) {
            return holders.get(threadId);
        }

        @Override
        public boolean jdkWorkersBusy() {
            return jdkBusy;
        }
    }

    /** The same threads at every tick. */
    static java.util.function.LongFunction<List<ThreadSample>> still(ThreadSample... threads) {
        List<ThreadSample> list = List.of(threads);
        return ms -> list;
    }
}
