package katas.day11.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import katas.day11.FanOutFanIn;
import katas.support.Katas;
import katas.support.Probe;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 11. The work is the test's: a Probe counts the tasks
 * in flight (the fan-out). The results consumer is the test's too: a list
 * that notices when two threads use it at once, or when it is used after
 * {@code process} returned (the fan-in). Speed is scored by the workload.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day11HiddenTest {

    /** The results consumer: not thread-safe by contract, and it notices when it is used as if it were. */
    static final class Gatherer implements IntConsumer {
        private final long holdMillis;
        private final AtomicBoolean inUse = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean overlapped;
        private volatile boolean late;
        private final List<Integer> got = new ArrayList<>();

        Gatherer(long holdMillis) {
            this.holdMillis = holdMillis;
        }

        @Override
        public void accept(int result) {
            if (!inUse.compareAndSet(false, true)) {
                overlapped = true;
            }
            if (closed.get()) {
                late = true;
            }
            try {
                if (holdMillis > 0) {
                    Thread.sleep(holdMillis); // a consumer that takes a moment: overlapping calls would show
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                synchronized (got) {
                    got.add(result);
                }
                inUse.set(false);
            }
        }

        /** Call once process() returned: checks the fan-in and returns the results, sorted. */
        List<Integer> closeAndCheck() {
            closed.set(true);
            assertFalse(overlapped, "the results consumer was called by two threads at the same time: it is not "
                    + "thread-safe; fan the results in to one thread (or one at a time) before handing them over");
            List<Integer> sorted;
            synchronized (got) {
                sorted = new ArrayList<>(got);
            }
            sorted.sort(null);
            return sorted;
        }

        boolean usedLate() {
            return late;
        }
    }

    private static IntUnaryOperator sleepy(long millis, IntUnaryOperator f) {
        return x -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return f.applyAsInt(x);
        };
    }

    private static List<Integer> sortedMap(List<Integer> tasks, IntUnaryOperator f) {
        return tasks.stream().map(f::applyAsInt).sorted().toList();
    }

    @Test
    @Order(1)
    void handsOverEveryResultOnce() throws Exception {
        // 50 tasks with repeated values: the results are compared as a multiset.
        List<Integer> tasks = IntStream.range(0, 50).map(i -> i % 10).boxed().toList();
        IntUnaryOperator f = x -> x * x + 1;
        Gatherer results = new Gatherer(0);
        Katas.load(FanOutFanIn.class).process(tasks, sleepy(20, f), results);
        assertEquals(sortedMap(tasks, f), results.closeAndCheck(),
                "the results must be the tasks mapped by work, each once (in any order)");
    }

    @Test
    @Order(2)
    void exactlyFiveTasksInFlight() throws Exception {
        Probe probe = Probe.expectingPeak(FanOutFanIn.WORKERS);
        List<Integer> tasks = IntStream.range(0, 20).boxed().toList();
        Gatherer results = new Gatherer(0);
        Katas.load(FanOutFanIn.class).process(tasks, x -> {
            probe.hold(x, Duration.ofMillis(80));
            return x;
        }, results);
        assertEquals(0, probe.inFlight(), "process() returned while tasks were still in progress");
        assertEquals(tasks, results.closeAndCheck());
        assertEquals(FanOutFanIn.WORKERS, probe.peak(), "20 tasks of 80 ms on " + FanOutFanIn.WORKERS
                + " workers: exactly " + FanOutFanIn.WORKERS + " must be in progress at once, saw a peak of "
                + probe.peak());
    }

    @Test
    @Order(3)
    void resultsAreHandedOverOneAtATime() throws Exception {
        // Workers finish together every 20 ms; the consumer takes 3 ms per result.
        List<Integer> tasks = IntStream.range(0, 40).boxed().toList();
        Gatherer results = new Gatherer(3);
        Katas.load(FanOutFanIn.class).process(tasks, sleepy(20, x -> x + 100), results);
        List<Integer> got = results.closeAndCheck();
        assertFalse(results.usedLate(), "results were handed over after process() returned");
        assertEquals(sortedMap(tasks, x -> x + 100), got, "every result must be handed over once");
    }

    @Test
    @Order(4)
    void noTasksNoResults() throws Exception {
        Gatherer results = new Gatherer(0);
        Katas.load(FanOutFanIn.class).process(List.of(), x -> x, results);
        assertEquals(List.of(), results.closeAndCheck());
    }

    @Test
    @Order(5)
    void fewerTasksThanWorkers() throws Exception {
        Probe probe = Probe.expectingPeak(3);
        Gatherer results = new Gatherer(0);
        Katas.load(FanOutFanIn.class).process(List.of(7, 8, 9), x -> {
            probe.hold(x, Duration.ofMillis(100));
            return -x;
        }, results);
        assertEquals(List.of(-9, -8, -7), results.closeAndCheck());
        assertEquals(3, probe.peak(), "3 tasks, 5 workers: all 3 should run at once");
    }

    @Test
    @Order(6)
    void gathersEveryResultUnderContention() throws Exception {
        // Tiny tasks finishing all the time: results come from 5 threads at once. 200 of them:
        // enough for every worker to keep coming back, and few enough that a thread per task
        // stays a wrong answer here instead of a thread bomb.
        int n = 200;
        AtomicIntegerArray calls = new AtomicIntegerArray(n);
        List<Integer> tasks = IntStream.range(0, n).boxed().toList();
        Gatherer results = new Gatherer(0);
        Katas.load(FanOutFanIn.class).process(tasks, x -> {
            calls.incrementAndGet(x);
            return 2 * x + 1;
        }, results);
        for (int i = 0; i < n; i++) {
            assertEquals(1, calls.get(i), "task " + i + " was processed " + calls.get(i) + " times");
        }
        List<Integer> got = results.closeAndCheck();
        assertEquals(n, got.size(), n + " tasks gave " + got.size() + " results");
        assertEquals(sortedMap(tasks, x -> 2 * x + 1), got, "the results are not the tasks mapped by work");
    }
}
