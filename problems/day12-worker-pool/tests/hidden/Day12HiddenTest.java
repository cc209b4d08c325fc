package katas.day12.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import katas.day12.WorkerPool;
import katas.support.Katas;
import katas.support.Probe;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 12. Every job is the test's: a Probe records each run
 * (exactly once, peak in flight), and the judge checks that the pool's
 * threads are gone after each test. Speed is scored by the workload.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day12HiddenTest {

    /** Fails with the first job that did not run exactly once. */
    private static void assertEachOnce(Probe probe, int jobs) {
        for (int i = 0; i < jobs; i++) {
            long runs = probe.count(i);
            if (runs != 1) {
                fail("job " + i + " ran " + runs + " times; each job must run exactly once ("
                        + probe.calls().size() + " runs for " + jobs + " jobs)");
            }
        }
        assertEquals(jobs, probe.calls().size(), "runs of " + jobs + " jobs");
    }

    @Test
    @Order(1)
    void hundredJobsEachRunExactlyOnce() throws Exception {
        Probe probe = new Probe();
        Katas.load(WorkerPool.class).process(100, i -> probe.hold(i, Duration.ofMillis(20)));
        assertEquals(0, probe.inFlight(), "process() returned while jobs were still running");
        assertEachOnce(probe, 100);
    }

    @Test
    @Order(2)
    void exactlyFiveJobsInFlight() throws Exception {
        Probe probe = Probe.expectingPeak(WorkerPool.WORKERS);
        Katas.load(WorkerPool.class).process(30, i -> probe.hold(i, Duration.ofMillis(50)));
        assertEachOnce(probe, 30);
        assertEquals(WorkerPool.WORKERS, probe.peak(), "30 jobs of 50 ms on a pool of " + WorkerPool.WORKERS
                + ": exactly " + WorkerPool.WORKERS + " must be in progress at once, saw a peak of " + probe.peak());
    }

    @Test
    @Order(3)
    void fewerJobsThanWorkers() throws Exception {
        Probe probe = Probe.expectingPeak(3);
        Katas.load(WorkerPool.class).process(3, i -> probe.hold(i, Duration.ofMillis(100)));
        assertEachOnce(probe, 3);
        assertEquals(3, probe.peak(), "3 jobs, 5 workers: all 3 should run at once");
    }

    @Test
    @Order(4)
    void noJobs() throws Exception {
        Probe probe = new Probe();
        Katas.load(WorkerPool.class).process(0, i -> probe.hold(i, Duration.ofMillis(20)));
        assertEquals(0, probe.calls().size());
    }

    @Test
    @Order(5)
    void manyTinyJobsEachRunOnce() throws Exception {
        // Jobs that take no time at all: workers come back for the next one all the time.
        // 200 of them: few enough that a thread per job stays a wrong answer here instead
        // of a thread bomb.
        int n = 200;
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        Katas.load(WorkerPool.class).process(n, runs::incrementAndGet);
        for (int i = 0; i < n; i++) {
            if (runs.get(i) != 1) {
                fail("job " + i + " of " + n + " tiny jobs ran " + runs.get(i) + " times; each must run exactly once");
            }
        }
    }
}
