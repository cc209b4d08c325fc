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
