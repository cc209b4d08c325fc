package katas.day02.hidden;

import java.time.Duration;
import katas.day02.Greeter;
import katas.support.Probe;
import katas.support.SpeedupWorkload;

/** Ten greetings of 60 ms: about 600 ms one after another, about 60 ms all at once. */
public final class Day02Workload implements SpeedupWorkload<Greeter> {
    @Override
    public void run(Greeter solution) throws Exception {
        Probe probe = new Probe();
        solution.greet(10, id -> probe.hold(id, Duration.ofMillis(60)));
        Day02HiddenTest.checkIds(10, probe.calls().stream().map(c -> (Integer) c.label()).toList(),
                "10 greetings");
    }
}
