package katas.day27.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import katas.day27.Parallelism;
import katas.support.Katas;
import katas.support.Probe;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 27. The CPU-bound speed itself is scored by the
 * speedup workload (relative to the cores: ideal = availableProcessors());
 * these check the sums, that no more chunks run at once than there are
 * cores, that 10,000 sleepers all wait at the same time on virtual threads,
 * and the quiz.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day27HiddenTest {

    static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    @Order(1)
    void quizAnswersAreRight() {
        Map<String, String> answers = Katas.load(Parallelism.class).quiz();
        Map<String, String> key = Map.of("q1", "c", "q2", "a", "q3", "d", "q4", "b", "q5", "a");
        assertTrue(answers != null, "quiz() returned null");
        List<String> wrong = new ArrayList<>();
        for (String q : new TreeMap<>(key).keySet()) {
            String given = answers.get(q);
            if (given == null || !given.trim().equalsIgnoreCase(key.get(q))) {
                wrong.add(q + " (you answered " + given + ")");
            }
        }
        assertTrue(wrong.isEmpty(), "quiz: " + wrong.size() + " of 5 wrong: " + wrong
                + ". Reread the README's quiz section.");
    }

    @Test
    @Order(2)
    void cpuBoundSumsEveryChunkExactlyOnce() throws Exception {
        int chunks = 3 * CORES + 1; // not a multiple of the cores
        int rounds = 2_000_000;
        Crunch crunch = new Crunch(chunks, rounds);
        long sum = Katas.load(Parallelism.class).cpuBound(chunks, crunch);
        assertNull(crunch.notExactlyOnce());
        assertEquals(Crunch.expected(chunks, rounds), sum, "the sum of " + chunks + " chunks");
    }

    @Test
    @Order(3)
    void cpuBoundWithNoChunksIsZero() throws Exception {
        Crunch crunch = new Crunch(0, 1);
        assertEquals(0, Katas.load(Parallelism.class).cpuBound(0, crunch));
    }

    @Test
    @Order(4)
    void cpuBoundRunsNoMoreChunksAtOnceThanCores() throws Exception {
        int chunks = 6 * CORES;
        Crunch crunch = new Crunch(chunks, 4_000_000);
        long sum = Katas.load(Parallelism.class).cpuBound(chunks, crunch);
        assertNull(crunch.notExactlyOnce());
        assertEquals(crunch.returned(), sum);
        assertTrue(crunch.peak() <= CORES, crunch.peak() + " CPU-bound chunks were in progress at once on "
                + CORES + " cores: only " + CORES + " can execute at any instant, the rest only wait for a core "
                + "(and cost switches). Size the pool to availableProcessors(), the JVM's GOMAXPROCS");
    }

    @Test
    @Order(5)
    void sleepBoundReturnsAfterEveryTask() throws Exception {
        Probe probe = new Probe();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(probe.task(i, Duration.ofMillis(60)));
        }
        Katas.load(Parallelism.class).sleepBound(tasks);
        assertEquals(8, probe.calls().size(), "sleepBound returned before every task had finished");
        assertEquals(0, probe.inFlight());
    }

    @Test
    @Order(6)
    void tenThousandSleepersTakeAboutOneLatency() throws Exception {
        // 10,000 tasks of 100 ms: all at once on virtual threads, about 100 ms plus the cost of starting
        // them; 500 s on a pool of 2 platform threads.
        int n = 10_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        AtomicInteger onPlatform = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = i;
            tasks.add(() -> {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                if (!Thread.currentThread().isVirtual()) {
                    onPlatform.incrementAndGet();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                    runs.incrementAndGet(id);
                }
            });
        }
        Duration took = Waits.time(() -> Katas.load(Parallelism.class).sleepBound(tasks));
        for (int i = 0; i < n; i++) {
            if (runs.get(i) != 1) {
                fail("task " + i + " ran " + runs.get(i) + " times (exactly once expected)");
            }
        }
        assertEquals(0, onPlatform.get(), onPlatform.get() + " of the 10,000 sleepers ran on platform threads: "
                + "a sleeping platform thread holds an OS thread; run each on a virtual thread");
        // Stretched with the judge's factor; a pool of platform threads per core needs minutes.
        long limit = Tolerance.ms(2_500);
        assertTrue(took.toMillis() < limit, "10,000 sleeps of 100 ms took " + took.toMillis()
                + " ms; all at once they take about 100 ms plus the start-up (limit " + limit + " ms). Peak in progress: "
                + peak.get());
    }
}
