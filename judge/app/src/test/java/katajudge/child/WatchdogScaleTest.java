package katajudge.child;

import static katajudge.child.Samples.MS;
import static katajudge.child.Samples.T0;
import static katajudge.child.Samples.LIMIT_AT;
import static katajudge.child.Samples.learner;
import static katajudge.child.Samples.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.Thread.State;
import java.util.List;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Event;
import katajudge.protocol.Policy;
import katajudge.protocol.ProtocolJson;
import org.junit.jupiter.api.Test;

/**
 * The child's watchdog reads its windows from the policy the parent sent,
 * scaled by the judge's limit factor (verify --sensitivity judges at 1.5x),
 * never from the unscaled default.
 */
class WatchdogScaleTest {

    private static final FindingSink NOWHERE = new FindingSink() {
        @Override
        public void report(Event event) {}

        @Override
        public void abort(Event event) {}

        @Override
        public void fault(String message) {}
    };

    /** The config as the child reads it: the parent's JSON, read by the child's own reader. */
    private static ChildConfig config(Policy policy) throws Exception {
        ChildConfig sent = new ChildConfig("Api", "Impl", "l.jar", List.of(), List.of("T"), null, null, 0, 5_000,
                1_000, policy, Policy.DEFAULT.busyWaitShare(), 256, 1024, true, null, null, List.of(), 0, 1.0);
        return ProtocolJson.read(ProtocolJson.write(sent), ChildConfig.class);
    }

    @Test
    void atOneAndAHalfTheBusyWaitStretchIs1200Ms() throws Exception {
        Watchdog w = Watchdog.forKata(NOWHERE, config(Policy.DEFAULT.scaled(1.5)));
        List<String> reports = BusyWaitDetectorTest.run(w.busyWait(),
                ms -> List.of(BusyWaitDetectorTest.spinning(2, ms, 1.0)), new Samples.Probe(), 2_000);
        assertEquals(List.of("2@1200"), reports, "not at 800 ms, the unscaled stretch");
    }

    @Test
    void atOneAndAHalfTheDeadlockWindowIs225Ms() throws Exception {
        ChildConfig config = config(Policy.DEFAULT.scaled(1.5));
        assertEquals(225, config.deadlockWindowMs());
        DeadlockDetector d = Watchdog.forKata(NOWHERE, config).deadlock();
        List<ThreadSample> asleep = List.of(root(State.WAITING, 0), learner(2, State.WAITING, 0));
        for (long ms = 0; ms < 240; ms += 20) {
            assertNull(d.observe(T0 + ms * MS, asleep, LIMIT_AT, 0, new Samples.Probe()), "at " + ms + " ms");
        }
        assertNotNull(d.observe(T0 + 240 * MS, asleep, LIMIT_AT, 0, new Samples.Probe()));
    }

    @Test
    void atOneAndAHalfTheOverloadAllowanceGrowsToo() throws Exception {
        DeadlockDetector d = Watchdog.forKata(NOWHERE, config(Policy.DEFAULT.scaled(1.5))).deadlock();
        List<ThreadSample> asleep = List.of(root(State.WAITING, 0), learner(2, State.WAITING, 0));
        // 1 s late: the allowance is capped at 2 s unscaled, 3 s at 1.5x; the window is 225 + 3000 ms.
        assertNull(d.observe(T0, asleep, LIMIT_AT, 1_000, new Samples.Probe()));
        assertNull(d.observe(T0 + 3_200 * MS, asleep, LIMIT_AT, 1_000, new Samples.Probe()));
        assertNotNull(d.observe(T0 + 3_225 * MS, asleep, LIMIT_AT, 1_000, new Samples.Probe()));
    }

    @Test
    void withoutTheAgentThereIsNoDeadlockWindow() throws Exception {
        ChildConfig c = config(Policy.DEFAULT);
        ChildConfig plain = new ChildConfig(c.api(), c.implementation(), c.submissionJar(), c.problemJars(),
                c.testClasses(), null, null, 0, c.testTimeoutMs(), 0, c.policy(), 0, Integer.MAX_VALUE,
                c.outputLimitBytes(), false, null, null, List.of(), 0, 1.0);
        assertEquals(0, plain.deadlockWindowMs());
    }
}
