package katas.day15;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 15: run them in your IDE or with `make test-public DAY=15`. */
class Day15PublicTest {

    @Test
    void sendsEveryRequestInOrder() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        Katas.load(Throttle.class).throttle(List.of("a", "b", "c", "d"), 50, sent::add);
        assertEquals(List.of("a", "b", "c", "d"), sent);
    }

    @Test
    void keepsTheCallsApart() throws Exception {
        // 20 per second: successive calls start 50 ms apart; like the judge, allow half of it for a late timer.
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<Integer> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(i);
        }
        Katas.load(Throttle.class).throttle(requests, 20, r -> starts.add(System.nanoTime()));
        assertEquals(6, starts.size());
        for (int i = 1; i < starts.size(); i++) {
            long gapMs = (starts.get(i) - starts.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= 25, "calls " + (i - 1) + " and " + i + " started only " + gapMs + " ms apart");
        }
    }
}
