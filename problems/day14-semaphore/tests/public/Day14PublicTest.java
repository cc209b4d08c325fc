package katas.day14;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 14: run them in your IDE or with `make test-public DAY=14`. */
class Day14PublicTest {

    @Test
    void runsEveryTaskOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(runs::incrementAndGet);
        }
        assertEquals(0, Katas.load(BoundedRunner.class).runAll(tasks));
        assertEquals(10, runs.get(), "each of the 10 tasks should run exactly once");
    }

    @Test
    void exactlyThreeAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            tasks.add(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        Katas.load(BoundedRunner.class).runAll(tasks);
        assertEquals(BoundedRunner.LIMIT, peak.get(), "exactly three tasks should run at the same time");
    }

    @Test
    void countsFailingTasks() throws Exception {
        List<Runnable> tasks = List.of(() -> { }, () -> {
            throw new IllegalStateException("boom (on purpose)");
        }, () -> { });
        assertEquals(1, Katas.load(BoundedRunner.class).runAll(tasks), "one task threw");
    }
}
