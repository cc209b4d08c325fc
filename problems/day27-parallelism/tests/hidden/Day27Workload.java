package katas.day27.hidden;

import katas.day27.Parallelism;
import katas.support.SpeedupWorkload;

/**
 * CPU-bound: 8 chunks per core of 8 million xorshift rounds (about 16 ms
 * each). Sized from availableProcessors(), so a parallel run takes about 8
 * chunk-times on any machine and a sequential one 8 x cores chunk-times:
 * the ideal speedup is the number of cores (2 on the judge's machine).
 */
public final class Day27Workload implements SpeedupWorkload<Parallelism> {

    static final int ROUNDS = 8_000_000;

    @Override
    public void run(Parallelism solution) throws Exception {
        int chunks = 8 * Runtime.getRuntime().availableProcessors();
        Crunch crunch = new Crunch(chunks, ROUNDS);
        long sum = solution.cpuBound(chunks, crunch);
        String once = crunch.notExactlyOnce();
        if (once != null) {
            throw new AssertionError(once);
        }
        if (sum != crunch.returned()) {
            throw new AssertionError("cpuBound returned " + sum + ", the chunks add up to " + crunch.returned());
        }
    }
}
