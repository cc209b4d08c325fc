package katas.day05.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import katas.day05.WaitAll;
import katas.support.Katas;
import katas.support.Probe;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 5. The point: when runAll returns, every task has
 * finished, failed ones included, and a failing task does not keep the
 * caller waiting. That the wait takes about the slowest task, not the sum,
 * is scored by the speedup workload.
 */
class Day05HiddenTest {

    @Test
    void everyTaskRunsExactlyOnce() throws Exception {
        AtomicIntegerArray runs = new AtomicIntegerArray(30);
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int index = i;
            tasks.add(() -> runs.incrementAndGet(index));
        }
        assertEquals(0, Katas.load(WaitAll.class).runAll(tasks), "no task threw");
        for (int i = 0; i < 30; i++) {
            assertEquals(1, runs.get(i), "task #" + i + " ran " + runs.get(i) + " times instead of once");
        }
    }

    @Test
    void returnsOnlyAfterEveryTaskFinished() throws Exception {
        // Tasks of 20 to 260 ms in a shuffled order, three times over.
        Random random = new Random(5);
        for (int round = 1; round <= 3; round++) {
            Probe probe = new Probe();
            List<Runnable> tasks = new ArrayList<>();
            for (int ms = 20; ms <= 260; ms += 40) {
                tasks.add(probe.task(ms + " ms", Duration.ofMillis(ms)));
            }
            Collections.shuffle(tasks, random);
            Katas.load(WaitAll.class).runAll(tasks);
            if (probe.inFlight() != 0 || probe.calls().size() != tasks.size()) {
                fail("round " + round + ": runAll returned with " + (tasks.size() - probe.calls().size()) + " of "
                        + tasks.size() + " tasks (20 to 260 ms) not finished; finished: "
                        + probe.calls().stream().map(Probe.Call::label).toList());
            }
        }
    }

    @Test
    void aTaskThatStartsLateIsWaitedForToo() throws Exception {
        // On a loaded machine a task's thread may begin to run well after runAll started it. The test
        // makes that happen: every carrier thread of the virtual-thread scheduler is kept busy for
        // 60 ms while runAll starts its tasks. A group whose tasks count themselves in only once they
        // run (Go's wg.Add inside the goroutine) then looks complete before they have.
        for (int round = 1; round <= 3; round++) {
            Probe probe = new Probe();
            List<Runnable> tasks = new ArrayList<>();
            for (int quick = 1; quick < round; quick++) {
                tasks.add(probe.task("quick", Duration.ZERO));
            }
            tasks.add(probe.task("started last", Duration.ofMillis(50)));
            try (CarriersBusy busy = CarriersBusy.forMillis(60)) {
                Katas.load(WaitAll.class).runAll(tasks);
            }
            if (probe.calls().size() != tasks.size() || probe.inFlight() != 0) {
                fail("round " + round + ": with the machine busy, runAll returned before " + (tasks.size()
                        - probe.calls().size()) + " of its " + tasks.size() + " tasks had finished; is every "
                        + "task counted in before its thread starts?");
            }
        }
    }

    @Test
    void aFailingTaskStillCountsAsFinished() throws Exception {
        // One task throws at once; the others take 150 ms. Whoever waits must hear about it.
        Probe probe = new Probe();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(probe.task("ok " + i, Duration.ofMillis(150)));
        }
        tasks.add(2, () -> {
            throw new IllegalStateException("this task fails on purpose");
        });
        int failed = Katas.load(WaitAll.class).runAll(tasks);
        assertEquals(5, probe.calls().size(), "runAll returned before the 5 other tasks finished");
        assertEquals(0, probe.inFlight(), "tasks still running after runAll returned");
        assertEquals(1, failed, "one task threw");
    }

    @Test
    void failuresAreCounted() throws Exception {
        Probe probe = new Probe();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long ms = 30L + 15 * i;
            if (i % 3 == 1) {
                tasks.add(() -> {
                    probe.hold("failing", Duration.ofMillis(ms));
                    throw new IllegalArgumentException("fails after " + ms + " ms");
                });
            } else {
                tasks.add(probe.task("ok", Duration.ofMillis(ms)));
            }
        }
        int failed = Katas.load(WaitAll.class).runAll(tasks);
        assertEquals(10, probe.calls().size(), "runAll returned before every task finished");
        assertEquals(3, failed, "3 of the 10 tasks threw");
    }

    @Test
    void noTasksReturnAtOnce() throws Exception {
        assertEquals(0, Katas.load(WaitAll.class).runAll(List.of()));
    }

    @Test
    void waitsWithoutSpinning() throws Exception {
        // Tasks long enough that a caller spinning until they end is seen burning CPU.
        Probe probe = new Probe();
        List<Runnable> tasks = List.of(probe.task("a", Duration.ofMillis(1500)),
                probe.task("b", Duration.ofMillis(1000)), probe.task("c", Duration.ofMillis(500)));
        Katas.load(WaitAll.class).runAll(tasks);
        assertEquals(3, probe.calls().size(), "runAll returned before every task finished");
    }

    /** Virtual threads of the test that keep every carrier of the virtual-thread scheduler busy for a while. */
    private static final class CarriersBusy implements AutoCloseable {
        private final List<Thread> burners = new ArrayList<>();

        static CarriersBusy forMillis(long millis) throws InterruptedException {
            int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                    Runtime.getRuntime().availableProcessors());
            CarriersBusy busy = new CarriersBusy();
            CountDownLatch running = new CountDownLatch(carriers);
            long end = System.nanoTime() + millis * 1_000_000;
            for (int i = 0; i < carriers; i++) {
                busy.burners.add(Thread.ofVirtual().name("test-busy-carrier-" + i).start(() -> {
                    running.countDown();
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait(); // holds this carrier: CPU-bound code does not unmount
                    }
                }));
            }
            running.await(1, TimeUnit.SECONDS);
            return busy;
        }

        @Override
        public void close() throws InterruptedException {
            for (Thread t : burners) {
                t.join();
            }
        }
    }
}
