package katas.day10.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import katas.day10.GracefulWorker;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 10. The test owns the inbox and the handler, so it sees
 * exactly which items were started, finished, interrupted, and which are
 * still waiting in the inbox when {@code stop()} returns.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day10HiddenTest {

    /** The bound on stopping an idle loop, as the API promises. */
    /**
     * How soon stop() must return once nothing is in flight: stretched with the judge's factor
     * ({@link Tolerance}), but never to the second a loop that polls once a second takes to notice.
     */
    private static final Duration PROMPT = Duration.ofMillis(Math.min(Tolerance.ms(300), 600));
    /** How long the test waits for items to be handled before failing. */
    private static final Duration WAIT = Tolerance.of(Duration.ofSeconds(3));

    /** The handler the worker gets: it sleeps per item and records everything it sees. */
    static final class Recorder implements IntConsumer {
        record Handled(int item, long startNanos, long endNanos, Thread thread, boolean interrupted) {}

        private final IntFunction<Duration> latency;
        private final Map<Integer, Long> startedAt = new ConcurrentHashMap<>();
        private final List<Handled> handled = new ArrayList<>();

        Recorder(IntFunction<Duration> latency) {
            this.latency = latency;
        }

        @Override
        public void accept(int item) {
            long start = System.nanoTime();
            startedAt.put(item, start);
            boolean interrupted = false;
            try {
                Thread.sleep(latency.apply(item));
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
            }
            synchronized (handled) {
                handled.add(new Handled(item, start, System.nanoTime(), Thread.currentThread(), interrupted));
            }
        }

        List<Handled> handled() {
            synchronized (handled) {
                return List.copyOf(handled);
            }
        }

        List<Integer> items() {
            return handled().stream().map(Handled::item).toList();
        }

        boolean hasStarted(int item) {
            return startedAt.containsKey(item);
        }

        /** When the item was started (nanoTime), or null if it never was. */
        Long startOf(int item) {
            return startedAt.get(item);
        }

        boolean waitForHandled(int count) {
            return Waits.until(() -> handled().size() >= count, WAIT);
        }
    }

    private static Recorder fixed(long millis) {
        return new Recorder(item -> Duration.ofMillis(millis));
    }

    @Test
    @Order(1)
    void handlesItemsInArrivalOrderOnOneThread() throws Exception {
        BlockingQueue<Integer> inbox = new LinkedBlockingQueue<>();
        Recorder handler = fixed(20);
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(inbox, handler);
        for (int i = 1; i <= 6; i++) {
            inbox.put(i);
        }
        assertTrue(handler.waitForHandled(6), "6 items were put in the inbox; handled so far: " + handler.items());
        worker.stop();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), handler.items(), "items must be handled once each, in inbox order");
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        handler.handled().forEach(h -> threads.add(h.thread()));
        assertEquals(1, threads.size(), "one worker loop handles every item, one at a time");
        assertNotSame(Thread.currentThread(), threads.iterator().next(), "start() must run the loop on its own thread");
    }

    @Test
    @Order(2)
    void stopsAnIdleWorkerPromptly() throws Exception {
        BlockingQueue<Integer> inbox = new LinkedBlockingQueue<>();
        Recorder handler = fixed(20);
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(inbox, handler);
        inbox.put(1);
        assertTrue(handler.waitForHandled(1), "item 1 was never handled");
        // The loop is idle now, waiting for the next item: stop() must wake it.
        Duration took = Waits.time(worker::stop);
        assertTrue(took.compareTo(PROMPT) < 0, "stop() on an idle worker took " + took.toMillis()
                + " ms; it must return within " + PROMPT.toMillis() + " ms (wake the loop, do not wait for a timeout)");
        assertEquals(List.of(1), handler.items());
    }

    @Test
    @Order(3)
    void finishesTheItemInFlightAndStartsNoOther() throws Exception {
        BlockingQueue<Integer> inbox = new LinkedBlockingQueue<>();
        Recorder handler = new Recorder(item -> Duration.ofMillis(item == 1 ? 300 : 20));
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(inbox, handler);
        inbox.put(1);
        inbox.put(2);
        inbox.put(3);
        assertTrue(Waits.until(() -> handler.hasStarted(1), WAIT), "item 1 was never started");
        long called = System.nanoTime();
        worker.stop();
        long returned = System.nanoTime();

        // Item 1 (300 ms) is in flight when stop() is called. On a very busy machine the
        // test may call stop() a little later; whatever had started by then must finish.
        List<Recorder.Handled> handled = handler.handled();
        List<Integer> remaining = new ArrayList<>(inbox);
        for (int item = 1; item <= 3; item++) {
            Long start = handler.startOf(item);
            if (start == null) {
                assertTrue(remaining.contains(item), "item " + item + " was neither handled nor left in the inbox: "
                        + "it was taken and lost");
                continue;
            }
            assertTrue(start < called, "item " + item + " was started after stop() was called: a graceful stop "
                    + "finishes the item in flight and starts no other");
            int it = item;
            Recorder.Handled h = handled.stream().filter(x -> x.item() == it).findFirst().orElse(null);
            assertTrue(h != null, "stop() returned while item " + item + " was still being handled: "
                    + "it must wait until the loop has ended");
            assertFalse(h.interrupted(), "item " + item + " was interrupted in the middle of its work: a graceful "
                    + "stop lets the item in flight finish");
            assertTrue(h.endNanos() <= returned, "stop() returned before item " + item + " was finished");
        }
        long lastEnd = handled.stream().mapToLong(Recorder.Handled::endNanos).max().orElse(called);
        long lateMs = (returned - Math.max(lastEnd, called)) / 1_000_000;
        assertTrue(lateMs < PROMPT.toMillis(), "stop() returned " + lateMs + " ms after the item in flight was "
                + "finished; the loop should end as soon as that item is done");
    }

    @Test
    @Order(4)
    void stopRightAfterStart() throws Exception {
        BlockingQueue<Integer> inbox = new LinkedBlockingQueue<>();
        Recorder handler = fixed(20);
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(inbox, handler);
        Duration took = Waits.time(worker::stop);
        assertTrue(took.compareTo(PROMPT) < 0, "stop() right after start() took " + took.toMillis() + " ms");
        assertEquals(List.of(), handler.items(), "nothing was ever put in the inbox");
    }

    @Test
    @Order(5)
    void nothingStartsAfterStopReturnsAndNothingIsLost() throws Exception {
        BlockingQueue<Integer> inbox = new LinkedBlockingQueue<>();
        Recorder handler = fixed(5);
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(inbox, handler);
        int total = 40;
        // A producer that keeps putting items, before, during and after stop(): one every 10 ms.
        Thread producer = Thread.ofPlatform().name("test-producer").start(() -> {
            for (int i = 1; i <= total; i++) {
                inbox.add(i);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        assertTrue(handler.waitForHandled(10), "the worker did not keep up with the producer");
        worker.stop();
        List<Integer> atStop = handler.items();
        producer.join();
        List<Integer> atEnd = handler.items();
        assertEquals(atStop, atEnd, "items were handled after stop() had returned");
        int k = atStop.size();
        assertEquals(IntStream.rangeClosed(1, k).boxed().toList(), atStop,
                "the handled items must be the first ones put, in order, each once");
        assertEquals(IntStream.rangeClosed(k + 1, total).boxed().toList(), new ArrayList<>(inbox),
                "every item put is either handled or still in the inbox: none may be lost");
    }

    @Test
    @Order(6)
    void waitsWithoutSpinningWhileIdle() throws Exception {
        BlockingQueue<Integer> inbox = new LinkedBlockingQueue<>();
        Recorder handler = fixed(20);
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(inbox, handler);
        inbox.put(1);
        assertTrue(handler.waitForHandled(1), "item 1 was never handled");
        // A long idle spell: a loop that polls an empty inbox without blocking is seen burning CPU.
        Thread.sleep(1500);
        inbox.put(2);
        assertTrue(handler.waitForHandled(2), "item 2 was never handled after an idle spell");
        worker.stop();
        assertEquals(List.of(1, 2), handler.items());
    }
}
