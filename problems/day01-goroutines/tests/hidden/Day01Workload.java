package katas.day01.hidden;

import java.time.Duration;
import katas.day01.Goroutines;
import katas.support.Probe;
import katas.support.SpeedupWorkload;

/** Ten sleep-bound runs of 60 ms: about 600 ms one after another, about 60 ms all at once. */
public final class Day01Workload implements SpeedupWorkload<Goroutines> {
    @Override
    public void run(Goroutines solution) throws Exception {
        Probe probe = new Probe();
        solution.runAll(10, probe.task("work", Duration.ofMillis(60)));
        if (probe.calls().size() != 10) {
            throw new AssertionError("expected 10 runs, saw " + probe.calls().size());
        }
    }
}
