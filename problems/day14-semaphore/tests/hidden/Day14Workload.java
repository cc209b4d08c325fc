package katas.day14.hidden;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import katas.day14.BoundedRunner;
import katas.support.Probe;
import katas.support.SpeedupWorkload;

/**
 * Twelve sleep-bound tasks, a long one (80 ms) then two short ones (25 ms),
 * four times: 520 ms one after another. Three slots refilled as soon as one
 * frees finish in about 185 ms (2.8x); groups of three waited for whole take
 * 320 ms (1.6x), each group as long as its slowest task. In any start order,
 * slots reused at once still give 2.4x or more.
 */
public final class Day14Workload implements SpeedupWorkload<BoundedRunner> {
    @Override
    public void run(BoundedRunner solution) throws Exception {
        Probe probe = new Probe();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(probe.task(i, Duration.ofMillis(i % 3 == 0 ? 80 : 25)));
        }
        solution.runAll(tasks);
        if (probe.calls().size() != 12) {
            throw new AssertionError("expected 12 tasks to run, saw " + probe.calls().size());
        }
        if (probe.peak() > BoundedRunner.LIMIT) {
            throw new AssertionError(probe.peak() + " tasks ran at once; the limit is " + BoundedRunner.LIMIT);
        }
    }
}
