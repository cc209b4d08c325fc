package katas.day14.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import katas.day14.BoundedRunner;
import katas.support.Katas;
import katas.support.Probe;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 14. The point of the day is the limit: the Probe
 * counts tasks in flight, and the peak must be exactly three (never four,
 * and not one). Speed, which catches "groups of three", is the workload's job.
 */
class Day14HiddenTest {

    private static final int LIMIT = BoundedRunner.LIMIT;

    /** {@code n} sleep-bound tasks labelled 0..n-1. */
    private static List<Runnable> tasks(Probe probe, int n, long millis) {
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(probe.task(i, Duration.ofMillis(millis)));
        }
        return tasks;
    }

    @Test
    void runsEachTaskExactlyOnce() throws Exception {
        Probe probe = new Probe();
        int failures = Katas.load(BoundedRunner.class).runAll(tasks(probe, 15, 20));
        for (int i = 0; i < 15; i++) {
            assertEquals(1, probe.count(i), "task " + i + " ran " + probe.count(i) + " times, not once");
        }
        assertEquals(0, failures, "no task threw, yet runAll reported failures");
    }

    @Test
    void neverMoreThanThreeAtOnce() throws Exception {
        Probe probe = new Probe();
        Katas.load(BoundedRunner.class).runAll(tasks(probe, 12, 60));
        assertEquals(12, probe.calls().size(), "12 tasks were given");
        assertTrue(probe.peak() <= LIMIT, probe.peak() + " tasks ran at the same time; the limit is " + LIMIT);
    }

    @Test
    void reachesThreeAtOnce() throws Exception {
        // 9 tasks of 150 ms: with work waiting, three must overlap, even if a thread starts late.
        Probe probe = Probe.expectingPeak(LIMIT);
        Katas.load(BoundedRunner.class).runAll(tasks(probe, 9, 150));
        assertEquals(9, probe.calls().size(), "9 tasks were given");
        assertTrue(probe.peak() >= LIMIT, "at most " + probe.peak() + " task(s) ran at the same time: with 9 "
                + "waiting, " + LIMIT + " should run at once (the limit is a ceiling to reach)");
    }

    @Test
    void fewerTasksThanSlotsRunTogether() throws Exception {
        Probe probe = Probe.expectingPeak(2);
        Katas.load(BoundedRunner.class).runAll(tasks(probe, 2, 300));
        assertEquals(2, probe.calls().size());
        assertEquals(2, probe.peak(), "two tasks and three free slots: both should run at once");
    }

    @Test
    void returnsOnlyAfterEveryTaskFinished() throws Exception {
        Probe probe = new Probe();
        Katas.load(BoundedRunner.class).runAll(tasks(probe, 7, 80));
        assertEquals(7, probe.calls().size(), "runAll returned before every task had finished");
        assertEquals(0, probe.inFlight(), "tasks still running after runAll returned");
    }

    @Test
    void aFailingTaskGivesItsSlotBack() throws Exception {
        // Three tasks throw first: a solution that loses their permits has none left for the rest.
        Probe probe = Probe.expectingPeak(LIMIT);
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            int id = i;
            tasks.add(() -> {
                throw new IllegalStateException("task " + id + " failed (on purpose)");
            });
        }
        tasks.addAll(tasks(probe, 9, 100));
        int failures = Katas.load(BoundedRunner.class).runAll(tasks);
        assertEquals(LIMIT, failures, "three tasks threw");
        assertEquals(9, probe.calls().size(), "every task that did not throw must still run");
        assertEquals(LIMIT, probe.peak(), "after the failures, three tasks should still run at once");
    }

    @Test
    void noTasks() throws Exception {
        assertEquals(0, Katas.load(BoundedRunner.class).runAll(List.of()));
    }

    @Test
    void waitsForASlotWithoutSpinning() throws Exception {
        // Three long tasks hold every slot for 1.2 s: the fourth must wait, asleep.
        Probe probe = new Probe();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(probe.task(i, Duration.ofMillis(i < LIMIT ? 1200 : 30)));
        }
        Katas.load(BoundedRunner.class).runAll(tasks);
        assertEquals(6, probe.calls().size());
        assertTrue(probe.peak() <= LIMIT, probe.peak() + " tasks ran at the same time; the limit is " + LIMIT);
    }
}
