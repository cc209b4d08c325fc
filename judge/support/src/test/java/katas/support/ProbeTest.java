package katas.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeTest {

    @Test
    void countsPeakAndCalls() throws Exception {
        Probe probe = new Probe();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(Thread.ofVirtual().start(probe.task("x", Duration.ofMillis(100))));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(3, probe.calls().size());
        assertEquals(3, probe.count("x"));
        assertEquals(3, probe.peak());
        assertEquals(0, probe.inFlight());
    }

    @Test
    void sequentialCallsNeverOverlap() {
        Probe probe = new Probe();
        for (int i = 0; i < 3; i++) {
            probe.hold(i, Duration.ofMillis(5));
        }
        assertEquals(1, probe.peak());
    }

    /** Two workers start at once, the third 300 ms late (a loaded machine); six jobs of 20 ms from one counter. */
    private static Probe poolWithALateThread(Probe probe, int workers) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            long delay = w == 2 ? 300 : 0;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
                for (int job; (job = next.getAndIncrement()) < 6; ) {
                    probe.hold(job, Duration.ofMillis(20));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return probe;
    }

    @Test
    void aLateThreadMissesThePeakOfAProbeThatOnlyRecords() throws Exception {
        assertEquals(2, poolWithALateThread(new Probe(), 3).peak(), "the early two take every job");
    }

    @Test
    void aProbeExpectingAPeakWaitsForALateThread() throws Exception {
        Probe probe = poolWithALateThread(Probe.expectingPeak(3), 3);
        assertEquals(3, probe.peak());
        assertEquals(6, probe.calls().size());
    }

    @Test
    void aPeakNeverReachedCostsThePatienceOnceAndStillShows() throws Exception {
        long start = System.nanoTime();
        Probe probe = poolWithALateThread(Probe.expectingPeak(3), 2);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(2, probe.peak(), "two workers are not three, however long they wait");
        assertEquals(6, probe.calls().size());
        assertTrue(ms >= 1000 && ms < 1000 + 1500, "waited the patience (1 s) once, then ran on: " + ms + " ms");
    }

    @Test
    void seesABlockedThread() throws Exception {
        Object lock = new Object();
        Thread t = Thread.ofVirtual().unstarted(() -> {
            synchronized (lock) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        t.start();
        assertTrue(Waits.isBlocked(t, Duration.ofSeconds(2)));
        t.interrupt();
        t.join();
    }
}
