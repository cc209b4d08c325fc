package katas.day22;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 22: run them in your IDE or with `make test-public DAY=22`. */
class Day22PublicTest {

    @Test
    void sleepsAtLeastTheDuration() throws Exception {
        long start = System.nanoTime();
        Katas.load(Sleeper.class).sleep(Duration.ofMillis(100));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 100 && ms < 600, "sleep(100 ms) took " + ms + " ms");
    }

    @Test
    void zeroReturnsAtOnce() throws Exception {
        long start = System.nanoTime();
        Katas.load(Sleeper.class).sleep(Duration.ZERO);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 100, "sleep(0) took " + ms + " ms");
    }

    @Test
    void anInterruptedThreadThrows() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> Katas.load(Sleeper.class).sleep(Duration.ofSeconds(1)));
        } finally {
            Thread.interrupted();
        }
    }
}
