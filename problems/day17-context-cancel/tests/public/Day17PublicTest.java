package katas.day17;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 17: run them in your IDE or with `make test-public DAY=17`. */
class Day17PublicTest {

    @Test
    void cancelInterruptsALongStep() throws Exception {
        // Each step sleeps 10 s: only an interrupt can stop a worker in time.
        Job job = Katas.load(CancellableWork.class).start(2, (worker, round) -> Thread.sleep(10_000));
        Thread.sleep(100);
        long start = System.nanoTime();
        job.cancel();
        List<Integer> counts = job.join();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "join() returned " + millis + " ms after cancel(): interrupt the workers");
        assertEquals(List.of(0, 0), counts, "no step completed");
    }

    @Test
    void countsCompletedSteps() throws Exception {
        AtomicIntegerArray done = new AtomicIntegerArray(3);
        Job job = Katas.load(CancellableWork.class).start(3, (worker, round) -> {
            Thread.sleep(20);
            done.incrementAndGet(worker);
        });
        Thread.sleep(200);
        job.cancel();
        job.cancel();   // a second cancel does nothing
        List<Integer> counts = job.join();
        assertEquals(List.of(done.get(0), done.get(1), done.get(2)), counts);
        assertTrue(counts.get(0) > 0, "worker 0 should have completed some steps in 200 ms");
    }
}
