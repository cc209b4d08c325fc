package katas.day05.hidden;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import katas.day05.WaitAll;
import katas.support.Probe;
import katas.support.SpeedupWorkload;

/**
 * Eight sleep-bound tasks of 100, 90, ..., 30 ms: their sum, about 520 ms,
 * one after another; about the slowest, 100 ms, all at once (ideal 5.2x).
 */
public final class Day05Workload implements SpeedupWorkload<WaitAll> {
    @Override
    public void run(WaitAll solution) throws Exception {
        Probe probe = new Probe();
        List<Runnable> tasks = new ArrayList<>();
        for (int ms = 100; ms >= 30; ms -= 10) {
            tasks.add(probe.task(ms, Duration.ofMillis(ms)));
        }
        solution.runAll(tasks);
        if (probe.calls().size() != tasks.size()) {
            throw new AssertionError("expected " + tasks.size() + " finished tasks, saw " + probe.calls().size());
        }
    }
}
