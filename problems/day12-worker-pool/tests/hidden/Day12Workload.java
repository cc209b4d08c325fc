package katas.day12.hidden;

import java.time.Duration;
import katas.day12.WorkerPool;
import katas.support.Probe;
import katas.support.SpeedupWorkload;

/**
 * 25 sleep-bound jobs: the first 5 long (80 ms), the other 20 short (20 ms).
 * 800 ms one after another; 160 ms on 5 workers that each take the next job
 * when free (5x); 400 ms if the jobs are split up front into 5 slices of 5,
 * since one worker then gets every long job (2x).
 */
public final class Day12Workload implements SpeedupWorkload<WorkerPool> {
    @Override
    public void run(WorkerPool solution) throws Exception {
        Probe probe = new Probe();
        solution.process(25, i -> probe.hold(i, Duration.ofMillis(i < 5 ? 80 : 20)));
        if (probe.calls().size() != 25) {
            throw new AssertionError("expected 25 runs, saw " + probe.calls().size());
        }
    }
}
