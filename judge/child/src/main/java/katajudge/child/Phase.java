package katajudge.child;

/**
 * A judged region in progress: one test, or one timed workload run. The
 * watchdog reads the current phase to enforce its time limit.
 */
record Phase(String name, Thread root, long startNanos, long limitMs) {

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
