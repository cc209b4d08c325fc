package katas.day11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 11: run them in your IDE or with `make test-public DAY=11`. */
class Day11PublicTest {

    @Test
    void handsOverEveryResult() throws Exception {
        List<Integer> results = new ArrayList<>(); // not thread-safe: one thread at a time, please
        Katas.load(FanOutFanIn.class).process(List.of(1, 2, 3, 4, 5, 6, 7), x -> x * x, results::add);
        results.sort(null);
        assertEquals(List.of(1, 4, 9, 16, 25, 36, 49), results);
    }

    @Test
    void runsFiveTasksAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        Katas.load(FanOutFanIn.class).process(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), x -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return x;
        }, results::add);
        assertEquals(5, peak.get(), "exactly 5 tasks should be in progress at once");
        assertEquals(10, results.size());
    }

    @Test
    void noTasks() throws Exception {
        List<Integer> results = new ArrayList<>();
        Katas.load(FanOutFanIn.class).process(List.of(), x -> x, results::add);
        assertTrue(results.isEmpty());
    }
}
