package katas.day06.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day06.ProducerConsumer;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 6. The overlap of the two stages is scored by the
 * speedup workload; these check what must hold however the stages are
 * scheduled: each stage alone, FIFO, exactly once, one use at a time,
 * back-pressure, and that run() returns only when the consumer is done.
 */
class Day06HiddenTest {

    @Test
    void produceSendsEachItemAsSoonAsItIsMade() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Katas.load(ProducerConsumer.class).produce(8, i -> {
            events.add("make " + i);
            return i;
        }, item -> events.add("send " + item));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            expected.add("make " + i);
            expected.add("send " + i);
        }
        assertEquals(expected, events, "the producer must make item i, send it, then make item i + 1");
    }

    @Test
    void consumeReceivesExactlyCountItemsInOrder() throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Integer> used = Collections.synchronizedList(new ArrayList<>());
        Katas.load(ProducerConsumer.class).consume(8, () -> {
            int i = next.getAndIncrement();
            if (i >= 8) {
                throw new AssertionError("the consumer asked for item " + (i + 1) + " of 8: it would wait forever");
            }
            return i;
        }, used::add);
        assertInOrder(8, used, "each received item must be used once, in the order received");
    }

    @Test
    void zeroItemsIsNothingToDo() throws Exception {
        ProducerConsumer pc = Katas.load(ProducerConsumer.class);
        AtomicInteger calls = new AtomicInteger();
        pc.produce(0, i -> calls.incrementAndGet(), item -> calls.incrementAndGet());
        pc.consume(0, () -> calls.incrementAndGet(), item -> calls.incrementAndGet());
        pc.run(0, i -> calls.incrementAndGet(), item -> calls.incrementAndGet(), 1);
        assertEquals(0, calls.get(), "with no items, nothing is made, sent, received or used");
    }

    @Test
    void runDeliversEveryItemOnceInOrder() throws Exception {
        List<Integer> used = Collections.synchronizedList(new ArrayList<>());
        Katas.load(ProducerConsumer.class).run(300, i -> i, used::add, 3);
        assertInOrder(300, used, "every item exactly once, first in first out");
    }

    @Test
    void runKeepsFifoAndUsesOneItemAtATime() throws Exception {
        // Uneven stages: item i is made in (i % 3) ms and used in 24 ms (even i) or 2 ms (odd i).
        // A second consumer would finish item 1 before item 0.
        Stage make = new Stage();
        Stage use = new Stage();
        List<Integer> used = Collections.synchronizedList(new ArrayList<>());
        Katas.load(ProducerConsumer.class).run(16, i -> make.work(i % 3, () -> i),
                item -> use.work(item % 2 == 0 ? 24 : 2, () -> used.add(item)), 2);
        assertInOrder(16, used, "items must be used in the order they were made, each once");
        assertEquals(1, use.peak(), "use was called for two items at once: one consumer, one item at a time");
        assertEquals(1, make.peak(), "make was called for two items at once: one producer");
    }

    @Test
    void producerWaitsWhenTheChannelIsFull() throws Exception {
        // A fast producer and a slow consumer: with capacity 2 the producer may be at most
        // 4 items ahead (one being used, two in the channel, one waiting to be sent).
        int capacity = 2;
        AtomicInteger made = new AtomicInteger();
        AtomicInteger usedCount = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        Katas.load(ProducerConsumer.class).run(20, i -> {
            int ahead = made.incrementAndGet() - usedCount.get();
            maxAhead.accumulateAndGet(ahead, Math::max);
            return i;
        }, item -> {
            sleep(10);
            usedCount.incrementAndGet();
        }, capacity);
        assertEquals(20, usedCount.get());
        assertTrue(maxAhead.get() <= capacity + 2, "the producer got " + maxAhead.get()
                + " items ahead of the consumer with a channel of capacity " + capacity
                + " (at most " + (capacity + 2) + "): a full channel must make the producer wait");
    }

    @Test
    void runReturnsOnlyAfterTheLastUse() throws Exception {
        Stage use = new Stage();
        AtomicInteger used = new AtomicInteger();
        Katas.load(ProducerConsumer.class).run(6, i -> i, item -> use.work(40, used::incrementAndGet), 2);
        assertEquals(6, used.get(), "run() returned before the consumer had used every item");
        assertEquals(0, use.inFlight(), "an item was still being used when run() returned");
    }

    @Test
    void consumerWaitsWithoutSpinning() throws Exception {
        // A slow producer (8 x 150 ms): the consumer has nothing to do most of the time and must block.
        List<Integer> used = Collections.synchronizedList(new ArrayList<>());
        Katas.load(ProducerConsumer.class).run(8, i -> {
            sleep(150);
            return i;
        }, used::add, 2);
        assertInOrder(8, used, "every item once, in order");
    }

    // ------------------------------------------------------------------ helpers

    /** Items 0..n-1 in order; on a mismatch, says where (lists of 300 are unreadable). */
    static void assertInOrder(int n, List<Integer> used, String what) {
        List<Integer> seen = List.copyOf(used);
        for (int i = 0; i < Math.min(n, seen.size()); i++) {
            if (seen.get(i) != i) {
                fail(what + ": position " + i + " holds item " + seen.get(i) + " (items around it: "
                        + seen.subList(Math.max(0, i - 3), Math.min(seen.size(), i + 4)) + ")");
            }
        }
        assertEquals(n, seen.size(), what + ": " + n + " items expected, " + seen.size() + " used");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleep-bound work that counts calls in flight and their peak. */
    static final class Stage {
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();

        <R> R work(long ms, java.util.function.Supplier<R> result) {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                sleep(ms);
                return result.get();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        int peak() {
            return peak.get();
        }

        int inFlight() {
            return inFlight.get();
        }
    }
}
