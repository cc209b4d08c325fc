package katas.day29;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 29: run them in your IDE or with `make test-public DAY=29`. */
class Day29PublicTest {

    @Test
    void writesEveryLineInOrderThenCloses() throws Exception {
        List<String> written = new ArrayList<>();
        LogAggregator agg = Katas.load(LogAggregator.class);
        agg.start(4, 1_000, (producer, line) -> written.add(producer + ":" + line));
        for (int i = 0; i < 10; i++) {
            agg.log(7, "line " + i);
        }
        agg.close();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add("7:line " + i);
        }
        assertEquals(expected, written);
    }

    @Test
    void respectsTheRate() throws Exception {
        List<Long> times = new ArrayList<>();
        LogAggregator agg = Katas.load(LogAggregator.class);
        agg.start(10, 20, (producer, line) -> times.add(System.nanoTime()));
        for (int i = 0; i < 5; i++) {
            agg.log(0, "x");
        }
        agg.close();
        assertEquals(5, times.size());
        for (int i = 1; i < times.size(); i++) {
            long gapMs = (times.get(i) - times.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= 40, "20 lines per second: writes at least 50 ms apart, saw " + gapMs + " ms");
        }
    }
}
