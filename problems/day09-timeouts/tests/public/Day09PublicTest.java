package katas.day09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import katas.support.Katas;
import katas.support.Waits;
import org.junit.jupiter.api.Test;

/** Public tests of day 9: run them in your IDE or with `make test-public DAY=9`. */
class Day09PublicTest {

    @Test
    void returnsTheValueWhenItComesInTime() throws Exception {
        Optional<String> v = Katas.load(Timeouts.class).receive(() -> {
            Thread.sleep(20);
            return "hello";
        }, Duration.ofSeconds(1));
        assertEquals(Optional.of("hello"), v);
    }

    @Test
    void timesOutAndInterruptsTheSlowProducer() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        long start = System.nanoTime();
        Optional<String> v = Katas.load(Timeouts.class).receive(() -> {
            try {
                Thread.sleep(10_000);
                return "too late";
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        }, Duration.ofMillis(100));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Optional.empty(), v);
        assertTrue(ms >= 100 && ms < 1000, "took " + ms + " ms for a 100 ms timeout");
        assertTrue(Waits.until(interrupted::get, Duration.ofSeconds(1)),
                "the slow producer should have been interrupted");
    }
}
