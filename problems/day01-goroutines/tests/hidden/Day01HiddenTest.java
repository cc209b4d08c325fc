package katas.day01.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day01.Goroutines;
import katas.support.Katas;
import katas.support.Probe;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 1. Concurrency itself is scored by the speedup
 * workload; these check what must hold however the runs are scheduled.
 */
class Day01HiddenTest {

    @Test
    void runsEachTaskExactlyOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Katas.load(Goroutines.class).runAll(40, () -> {
            pause(10);
            runs.incrementAndGet();
        });
        assertEquals(40, runs.get(), "40 runs were asked for");
    }

    @Test
    void returnsOnlyAfterEveryRunFinished() throws Exception {
        Probe probe = new Probe();
        Katas.load(Goroutines.class).runAll(8, probe.task("run", Duration.ofMillis(80)));
        assertEquals(8, probe.calls().size(), "runAll returned while runs were still going");
        assertEquals(0, probe.inFlight(), "runs still in flight after runAll returned");
    }

    @Test
    void zeroRunsReturnAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Katas.load(Goroutines.class).runAll(0, runs::incrementAndGet);
        assertEquals(0, runs.get());
    }

    @Test
    void eachRunIsSeparate() throws Exception {
        // Each run sees its own invocation: count how many distinct runs wrote their mark.
        ConcurrentHashMap<Integer, Boolean> marks = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        Katas.load(Goroutines.class).runAll(40, () -> {
            int mine = next.getAndIncrement();
            pause(10);
            marks.put(mine, true);
        });
        assertEquals(40, marks.size());
    }

    @Test
    void manyRunsOverlap() throws Exception {
        // 30 runs of 100 ms: a thread per run is what the kata needs, and no more.
        Probe probe = new Probe();
        Katas.load(Goroutines.class).runAll(30, probe.task("run", Duration.ofMillis(100)));
        assertEquals(30, probe.calls().size());
    }

    @Test
    void waitsWithoutSpinning() throws Exception {
        // Long enough runs that a caller spinning until they end is seen burning CPU.
        Probe probe = new Probe();
        Katas.load(Goroutines.class).runAll(2, probe.task("slow run", Duration.ofMillis(1200)));
        assertEquals(2, probe.calls().size());
        assertTrue(probe.peak() >= 1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
