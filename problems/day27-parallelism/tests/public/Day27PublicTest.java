package katas.day27;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 27: run them in your IDE or with `make test-public DAY=27`. */
class Day27PublicTest {

    @Test
    void cpuBoundAddsUpTheChunks() throws Exception {
        long sum = Katas.load(Parallelism.class).cpuBound(10, i -> i * 10L);
        assertEquals(450, sum, "0 + 10 + ... + 90");
    }

    @Test
    void sleepBoundRunsEveryTask() throws Exception {
        AtomicInteger done = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
            });
        }
        long start = System.nanoTime();
        Katas.load(Parallelism.class).sleepBound(tasks);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(100, done.get());
        assertTrue(ms < 2_000, "100 sleeps of 50 ms all at once take about 50 ms, not " + ms + " ms");
    }

    @Test
    void quizAnswersEveryQuestion() {
        Map<String, String> answers = Katas.load(Parallelism.class).quiz();
        assertEquals(Set.of("q1", "q2", "q3", "q4", "q5"), answers.keySet());
        answers.values().forEach(a -> assertTrue(Set.of("a", "b", "c", "d").contains(a), "answer " + a));
    }
}
