package katas.day12;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 12: run them in your IDE or with `make test-public DAY=12`. */
class Day12PublicTest {

    @Test
    void runsEachOfHundredJobsOnce() throws Exception {
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        Katas.load(WorkerPool.class).process(100, runs::incrementAndGet);
        for (int i = 0; i < 100; i++) {
            assertEquals(1, runs.get(i), "job " + i + " should run exactly once");
        }
    }

    @Test
    void keepsFiveWorkersBusy() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Katas.load(WorkerPool.class).process(20, i -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        });
        assertEquals(5, peak.get(), "exactly 5 jobs should be in progress at once");
    }
}
