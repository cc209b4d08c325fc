package katas.day02.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import katas.day02.Greeter;
import katas.support.Katas;
import katas.support.Probe;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 2. The point: every worker greets with its own id,
 * 1..n, each exactly once. Concurrency itself is scored by the speedup
 * workload.
 */
class Day02HiddenTest {

    @Test
    void everyIdFromOneToNExactlyOnce() throws Exception {
        // Several rounds with many quick greetings: a shared, mutable id shows up as repeats and gaps.
        for (int round = 1; round <= 5; round++) {
            List<Integer> greeted = Collections.synchronizedList(new ArrayList<>());
            Katas.load(Greeter.class).greet(50, greeted::add);
            checkIds(50, greeted, "round " + round + " of 50 workers");
        }
    }

    @Test
    void returnsOnlyAfterEveryGreetingFinished() throws Exception {
        Probe probe = new Probe();
        Katas.load(Greeter.class).greet(8, id -> probe.hold(id, Duration.ofMillis(80)));
        assertEquals(0, probe.inFlight(), "greet returned while greetings were still going");
        checkIds(8, probe.calls().stream().map(c -> (Integer) c.label()).toList(), "8 slow greetings");
    }

    @Test
    void oneWorkerIsNumberOne() throws Exception {
        List<Integer> greeted = Collections.synchronizedList(new ArrayList<>());
        Katas.load(Greeter.class).greet(1, greeted::add);
        assertEquals(List.of(1), greeted, "a single worker has id 1");
    }

    @Test
    void zeroWorkersGreetNobody() throws Exception {
        List<Integer> greeted = Collections.synchronizedList(new ArrayList<>());
        Katas.load(Greeter.class).greet(0, greeted::add);
        assertEquals(List.of(), greeted);
    }

    @Test
    void waitsWithoutSpinning() throws Exception {
        // Greetings long enough that a caller spinning until they end is seen burning CPU.
        // Two of them only, so that greeting one after another still ends well within the time limit.
        Probe probe = new Probe();
        Katas.load(Greeter.class).greet(2, id -> probe.hold(id, Duration.ofMillis(1500)));
        assertEquals(2, probe.calls().size());
        assertTrue(probe.peak() >= 1);
    }

    /** Fails with what is wrong: ids missing, repeated, or outside 1..n. */
    static void checkIds(int n, List<Integer> greeted, String what) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int id : List.copyOf(greeted)) {
            counts.merge(id, 1, Integer::sum);
        }
        List<Integer> missing = IntStream.rangeClosed(1, n).filter(i -> !counts.containsKey(i)).boxed().toList();
        List<Integer> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        List<Integer> outside = counts.keySet().stream().filter(i -> i < 1 || i > n).toList();
        if (!missing.isEmpty() || !repeated.isEmpty() || !outside.isEmpty()) {
            fail(what + ": each id 1.." + n + " must be greeted exactly once; " + greeted.size() + " greetings"
                    + (missing.isEmpty() ? "" : ", never greeted " + shorten(missing))
                    + (repeated.isEmpty() ? "" : ", greeted more than once " + shorten(repeated))
                    + (outside.isEmpty() ? "" : ", not in 1.." + n + ": " + shorten(outside))
                    + " (does every worker capture its own id when it is started?)");
        }
    }

    private static String shorten(List<Integer> ids) {
        return ids.size() <= 10 ? ids.toString() : ids.subList(0, 10) + "... (" + ids.size() + ")";
    }
}
