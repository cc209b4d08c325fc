package katas.day08.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import katas.day08.Select;
import katas.support.Katas;
import katas.support.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 8. Two feeder threads of the test put items into two
 * queues at their own pace, noting when each item was put; the handlers
 * note when each item was handled, on which thread, and whether another
 * handler call was running at the time.
 */
class Day08HiddenTest {

    /**
     * How long an item may wait between being put and being handled: a wake-up on a loaded machine,
     * stretched with the judge's factor ({@link Tolerance}) but kept below the 500 ms and more an item waits
     * when merge takes the sources in turn or one after the other.
     */
    static final long LATENCY_LIMIT_MS = Math.min(Tolerance.ms(250), 400);

    @Test
    void deliversBothSourcesEachInOrder() throws Exception {
        Run run = new Run();
        Feed<String> a = Feed.start(30, 0, 3, i -> "a" + i);
        Feed<Integer> b = Feed.start(20, 0, 5, i -> i);
        try {
            run.merge(a, b);
        } finally {
            a.stop();
            b.stop();
        }
        run.assertDelivered(a, b);
    }

    @Test
    void aFastSourceDoesNotStarveASlowOne() throws Exception {
        // a: 80 items, one every 8 ms; b: 6 items, one every 100 ms. Each must be handled soon after it is put.
        Run run = new Run();
        Feed<String> a = Feed.start(80, 0, 8, i -> "a" + i);
        Feed<Integer> b = Feed.start(6, 50, 100, i -> i);
        try {
            run.merge(a, b);
        } finally {
            a.stop();
            b.stop();
        }
        run.assertDelivered(a, b);
        run.assertPromptly(a, b);
    }

    @Test
    void aSlowSourceDoesNotHoldUpAFastOne() throws Exception {
        // The other way round: b is the fast one. Waiting on a, in turn or first, would hold b's items back.
        Run run = new Run();
        Feed<String> a = Feed.start(5, 60, 120, i -> "a" + i);
        Feed<Integer> b = Feed.start(70, 0, 8, i -> i);
        try {
            run.merge(a, b);
        } finally {
            a.stop();
            b.stop();
        }
        run.assertDelivered(a, b);
        run.assertPromptly(a, b);
    }

    @Test
    void theSecondSourceMayHaveNothing() throws Exception {
        Run run = new Run();
        Feed<String> a = Feed.start(10, 0, 5, i -> "a" + i);
        Feed<Integer> b = Feed.start(0, 0, 0, i -> i);
        run.merge(a, b);
        run.assertDelivered(a, b);
    }

    @Test
    void theFirstSourceMayHaveNothing() throws Exception {
        Run run = new Run();
        Feed<String> a = Feed.start(0, 0, 0, i -> "a" + i);
        Feed<Integer> b = Feed.start(10, 0, 5, i -> i);
        run.merge(a, b);
        run.assertDelivered(a, b);
    }

    @Test
    void noItemsAtAll() throws Exception {
        Run run = new Run();
        run.merge(Feed.start(0, 0, 0, i -> "a" + i), Feed.start(0, 0, 0, i -> i));
        assertEquals(0, run.handledA.size() + run.handledB.size());
    }

    @Test
    void waitsWithoutSpinning() throws Exception {
        // Three items at once, then one item every 250 ms on b for 2 s: the caller has nothing to do most of the
        // time, over twice the watchdog's busy stretch (800 ms), so a spinner is seen on a loaded machine too.
        Run run = new Run();
        Feed<String> a = Feed.start(3, 0, 0, i -> "a" + i);
        Feed<Integer> b = Feed.start(8, 250, 250, i -> i);
        try {
            run.merge(a, b);
        } finally {
            a.stop();
            b.stop();
        }
        run.assertDelivered(a, b);
    }

    // ------------------------------------------------------------------ helpers

    /** A test thread putting {@code n} items into a queue: the first after {@code firstMs}, then every {@code gapMs}. */
    static final class Feed<T> {
        final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
        final List<T> items = new ArrayList<>();
        final long[] putAt;
        Thread thread;

        private Feed(int n) {
            putAt = new long[n];
        }

        static <T> Feed<T> start(int n, long firstMs, long gapMs, IntFunction<T> item) {
            Feed<T> f = new Feed<>(n);
            for (int i = 0; i < n; i++) {
                f.items.add(item.apply(i));
            }
            f.thread = Thread.ofPlatform().daemon().name("test-feeder").start(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        long pause = i == 0 ? firstMs : gapMs;
                        if (pause > 0) {
                            Thread.sleep(pause);
                        }
                        synchronized (f.putAt) {
                            f.putAt[i] = System.nanoTime();
                        }
                        f.queue.put(f.items.get(i));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return f;
        }

        long putAt(int i) {
            synchronized (putAt) {
                return putAt[i];
            }
        }

        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(1000);
        }
    }

    /** One call of merge, with what the handlers saw. */
    static final class Run {
        final List<Object> handledA = Collections.synchronizedList(new ArrayList<>());
        final List<Object> handledB = Collections.synchronizedList(new ArrayList<>());
        final List<Long> handledAtA = Collections.synchronizedList(new ArrayList<>());
        final List<Long> handledAtB = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inHandler = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger offCaller = new AtomicInteger();
        volatile Thread caller;

        <A, B> void merge(Feed<A> a, Feed<B> b) throws InterruptedException {
            caller = Thread.currentThread();
            Katas.load(Select.class).merge(a.queue, a.items.size(), x -> handle(x, handledA, handledAtA),
                    b.queue, b.items.size(), y -> handle(y, handledB, handledAtB));
        }

        private void handle(Object item, List<Object> into, List<Long> at) {
            long now = System.nanoTime();
            if (inHandler.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (Thread.currentThread() != caller) {
                offCaller.incrementAndGet();
            }
            into.add(item);
            at.add(now);
            Thread.yield(); // widen the window in which a second handler call would be seen
            inHandler.decrementAndGet();
        }

        void assertDelivered(Feed<?> a, Feed<?> b) {
            assertEquals(0, offCaller.get(), offCaller.get() + " handler calls ran on a thread other than the "
                    + "caller of merge: the handlers are the body of the select, run by the caller");
            assertEquals(0, overlaps.get(), "two handler calls ran at the same time: one at a time, please");
            assertSame("a", a.items, handledA);
            assertSame("b", b.items, handledB);
        }

        private static void assertSame(String source, List<?> sent, List<Object> handled) {
            List<Object> got = List.copyOf(handled);
            for (int i = 0; i < Math.min(sent.size(), got.size()); i++) {
                if (!sent.get(i).equals(got.get(i))) {
                    fail("source " + source + ": handled " + got.get(i) + " at position " + i + " where "
                            + sent.get(i) + " was sent: each source's items in the order put, each once");
                }
            }
            assertEquals(sent.size(), got.size(), "source " + source + ": " + sent.size() + " items put, "
                    + got.size() + " handled");
        }

        void assertPromptly(Feed<?> a, Feed<?> b) {
            checkLatency("a", a, handledAtA);
            checkLatency("b", b, handledAtB);
        }

        private static void checkLatency(String source, Feed<?> feed, List<Long> handledAt) {
            List<Long> at = List.copyOf(handledAt);
            long worst = 0;
            int worstItem = -1;
            for (int i = 0; i < at.size(); i++) {
                long waited = (at.get(i) - feed.putAt(i)) / 1_000_000;
                if (waited > worst) {
                    worst = waited;
                    worstItem = i;
                }
            }
            assertTrue(worst <= LATENCY_LIMIT_MS, "item " + feed.items.get(Math.max(0, worstItem)) + " of source "
                    + source + " waited " + worst + " ms between being put and being handled (limit "
                    + LATENCY_LIMIT_MS + " ms): the other source held it up");
        }
    }
}
