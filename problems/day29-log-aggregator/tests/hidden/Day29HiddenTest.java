package katas.day29.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day29.LogAggregator;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 29. Producers are the test's own platform threads,
 * released together; the sink is the test's {@link Recorder}, which notes
 * the time and thread of every write. Rates are scaled up (hundreds of lines
 * per second) so that the tests stay short.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day29HiddenTest {

    @Test
    @Order(1)
    void nothingLostOrderKeptOneWriter() throws Exception {
        Recorder sink = new Recorder();
        LogAggregator agg = Katas.load(LogAggregator.class);
        agg.start(16, 2_000, sink);
        Set<Thread> producers = produce(agg, 6, 40, 0);
        agg.close();
        assertEquals(240, sink.count(), "6 producers logged 40 lines each; lines written");
        List<List<String>> lines = sink.byProducer(6);
        for (int p = 0; p < 6; p++) {
            assertEquals(expected(p, 40), lines.get(p), "producer " + p + "'s lines, in the order written");
        }
        assertOneWriter(sink, producers);
    }

    @Test
    @Order(2)
    void theRateIsRespected() throws Exception {
        // 50 lines per second: consecutive writes at least 20 ms apart (15 ms allowed for clock jitter).
        Recorder sink = new Recorder();
        LogAggregator agg = Katas.load(LogAggregator.class);
        agg.start(8, 50, sink);
        Set<Thread> producers = produce(agg, 2, 8, 0);
        agg.close();
        assertEquals(16, sink.count());
        double gap = sink.minGapMillis();
        assertTrue(gap >= 15, "two writes came " + String.format("%.1f", gap) + " ms apart; at 50 lines per "
                + "second they must be at least 20 ms apart (the rate is the writer's, for all producers together)");
        List<List<String>> lines = sink.byProducer(2);
        assertEquals(expected(0, 8), lines.get(0));
        assertEquals(expected(1, 8), lines.get(1));
        assertOneWriter(sink, producers);
    }

    @Test
    @Order(3)
    void aFullQueueMakesProducersWait() throws Exception {
        // Capacity 3, 20 lines per second: a producer of 12 lines must be held back by the queue.
        Recorder sink = new Recorder();
        LogAggregator agg = Katas.load(LogAggregator.class);
        agg.start(3, 20, sink);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger peakBacklog = new AtomicInteger();
        FutureTask<Void> producing = new FutureTask<>(() -> {
            for (int i = 0; i < 12; i++) {
                agg.log(0, "p0-" + i);
                int backlog = accepted.incrementAndGet() - sink.count();
                peakBacklog.accumulateAndGet(backlog, Math::max);
            }
            return null;
        });
        Thread producer = Thread.ofPlatform().name("test-producer").start(producing);
        boolean blocked = Waits.isBlocked(producer, Tolerance.of(Duration.ofSeconds(2)));
        producer.join();
        producing.get();
        agg.close();
        assertTrue(blocked, "the producer was never made to wait: with a queue of 3 and a writer at 20 lines "
                + "per second, log() must block while the queue is full (back-pressure)");
        // Accepted but not yet written: the queue (3), plus the line the writer holds, plus one for counting.
        assertTrue(peakBacklog.get() <= 3 + 2, peakBacklog.get() + " lines were accepted and not yet written "
                + "at once; the queue holds 3");
        assertEquals(expected(0, 12), sink.byProducer(1).get(0));
    }

    @Test
    @Order(4)
    void closeWritesEverythingQueuedThenStops() throws Exception {
        Recorder sink = new Recorder();
        LogAggregator agg = Katas.load(LogAggregator.class);
        agg.start(50, 200, sink);
        for (int i = 0; i < 30; i++) {
            agg.log(0, "p0-" + i);
        }
        agg.close(); // most of the 30 lines are still queued: close must write them all, then stop
        assertEquals(expected(0, 30), sink.byProducer(1).get(0), "close() returned before every queued line "
                + "was written (or dropped some)");
        assertThrows(IllegalStateException.class, () -> agg.log(0, "late"), "log after close");
        agg.close(); // idempotent
        assertEquals(30, sink.count());
    }

    @Test
    @Order(5)
    void anIdleWriterWaitsWithoutSpinning() throws Exception {
        // One line, then 1.5 s of silence (a writer spinning in your code for 800 ms is caught), then one more.
        Recorder sink = new Recorder();
        LogAggregator agg = Katas.load(LogAggregator.class);
        agg.start(4, 100, sink);
        agg.log(0, "first");
        assertTrue(Waits.until(() -> sink.count() == 1, Tolerance.of(Duration.ofSeconds(2))),
                "the first line was not written");
        Thread.sleep(1_500);
        agg.log(1, "second");
        agg.close();
        assertEquals(2, sink.count());
        assertFalse(sink.threads().contains(Thread.currentThread()), "the caller wrote: the writer thread must");
    }

    // ------------------------------------------------------------------ helpers

    static List<String> expected(int producer, int lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add("p" + producer + "-" + i);
        }
        return out;
    }

    /** Runs {@code n} producers of {@code lines} lines each, released together; returns their threads. */
    static Set<Thread> produce(LogAggregator agg, int n, int lines, long pauseMs) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<FutureTask<Void>> tasks = new ArrayList<>();
        Set<Thread> threads = new HashSet<>();
        for (int p = 0; p < n; p++) {
            int id = p;
            FutureTask<Void> task = new FutureTask<>(() -> {
                gate.await();
                for (int i = 0; i < lines; i++) {
                    agg.log(id, "p" + id + "-" + i);
                    if (pauseMs > 0) {
                        Thread.sleep(pauseMs);
                    }
                }
                return null;
            });
            tasks.add(task);
            threads.add(Thread.ofPlatform().name("test-producer-" + p).start(task));
        }
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
        for (FutureTask<Void> task : tasks) {
            task.get();
        }
        threads.add(Thread.currentThread());
        return threads;
    }

    static void assertOneWriter(Recorder sink, Set<Thread> producers) {
        Set<Thread> writers = sink.threads();
        assertEquals(1, writers.size(), "lines were written by " + writers.size() + " threads "
                + writers.stream().map(Thread::getName).toList() + "; exactly one writer thread must write");
        assertFalse(producers.contains(writers.iterator().next()), "a producer (or the caller) wrote a line "
                + "itself; only the writer thread writes");
    }
}
