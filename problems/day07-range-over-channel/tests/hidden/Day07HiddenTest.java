package katas.day07.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import katas.day07.Channel;
import katas.day07.Channels;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 7. Receivers are threads of the test that range over
 * the learner's channel; the test joins them without a timeout, so a loop
 * that never ends is seen by the judge as a deadlock. The one receiver that
 * must not spin runs on the test thread itself (the judge watches it).
 */
class Day07HiddenTest {

    /**
     * How long a receiver may take to notice a close: a wake-up, with room for a loaded machine, stretched
     * with the judge's factor ({@link Tolerance}) as the test's waits are.
     */
    static final long END_AFTER_CLOSE_MS = Tolerance.ms(300);

    @Test
    void rangeReceivesEveryItemInOrderThenEnds() throws Exception {
        Channel<Integer> ch = Katas.load(Channels.class).make(64);
        Receiver r = Receiver.start(ch);
        for (int i = 0; i < 40; i++) {
            ch.send(i);
            if (i % 10 == 9) {
                Thread.sleep(15); // the receiver catches up and finds the channel empty, not closed
            }
        }
        long closedAt = System.nanoTime();
        ch.close();
        r.thread.join();
        r.assertEndedNormally();
        assertInOrder(0, 40, r.items, "the range loop must receive every item sent, in order");
        r.assertEndedSoonAfter(closedAt);
    }

    @Test
    void closeWakesAWaitingReceiver() throws Exception {
        Channel<Integer> ch = Katas.load(Channels.class).make(4);
        Receiver r = Receiver.start(ch);
        Waits.isBlocked(r.thread, Tolerance.of(Duration.ofSeconds(1))); // let it reach its wait (a spinning one never does)
        long closedAt = System.nanoTime();
        ch.close();
        r.thread.join();
        r.assertEndedNormally();
        assertEquals(List.of(), r.items, "nothing was sent");
        r.assertEndedSoonAfter(closedAt);
    }

    @Test
    void itemsSentBeforeCloseAreStillReceived() throws Exception {
        Channel<Integer> ch = Katas.load(Channels.class).make(3);
        ch.send(0);
        ch.send(1);
        ch.send(2);
        ch.close(); // full: close must not wait for room
        List<Integer> got = new ArrayList<>();
        for (Integer item : ch) {
            got.add(item);
        }
        assertEquals(List.of(0, 1, 2), got, "items sent before close() must still be received, then the loop ends");
    }

    @Test
    void nothingAfterClose() throws Exception {
        Channel<String> ch = Katas.load(Channels.class).make(2);
        ch.send("last");
        ch.close();
        assertThrows(IllegalStateException.class, () -> ch.send("too late"), "send on a closed channel must throw");
        ch.close(); // a second close does nothing
        Iterator<String> it = ch.iterator();
        assertTrue(it.hasNext(), "the item sent before close is still there");
        assertEquals("last", it.next());
        assertFalse(it.hasNext(), "closed and empty: hasNext() is false");
        assertFalse(it.hasNext(), "and stays false");
        assertThrows(java.util.NoSuchElementException.class, it::next, "next() on a closed, empty channel");
        assertFalse(ch.iterator().hasNext(), "a new receiver on a closed, empty channel ends at once");
    }

    @Test
    void closeEndsEveryReceiver() throws Exception {
        Channel<Integer> ch = Katas.load(Channels.class).make(64);
        List<Receiver> receivers = List.of(Receiver.start(ch), Receiver.start(ch), Receiver.start(ch));
        for (int i = 0; i < 60; i++) {
            ch.send(i);
            if (i % 10 == 9) {
                Thread.sleep(10);
            }
        }
        long closedAt = System.nanoTime();
        ch.close();
        for (Receiver r : receivers) {
            r.thread.join();
        }
        TreeSet<Integer> all = new TreeSet<>();
        int total = 0;
        for (Receiver r : receivers) {
            r.assertEndedNormally();
            List<Integer> mine = List.copyOf(r.items);
            for (int k = 1; k < mine.size(); k++) {
                assertTrue(mine.get(k - 1) < mine.get(k), "one receiver got " + mine.get(k - 1) + " before "
                        + mine.get(k) + ": items come out in the order sent");
            }
            all.addAll(mine);
            total += mine.size();
        }
        assertEquals(60, all.size(), "the three receivers together must get all 60 items; got " + all.size());
        assertEquals(60, total, "each item must go to exactly one receiver");
        for (Receiver r : receivers) {
            r.assertEndedSoonAfter(closedAt);
        }
    }

    @Test
    void sendWaitsWhileTheChannelIsFull() throws Exception {
        Channel<Integer> ch = Katas.load(Channels.class).make(2);
        Thread sender = Thread.ofPlatform().daemon().name("test-sender").start(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    ch.send(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertTrue(Waits.isBlocked(sender, Tolerance.of(Duration.ofSeconds(2))),
                    "the third send on a channel of capacity 2 must wait (blocked, not spinning) for room");
            Iterator<Integer> it = ch.iterator();
            assertEquals(0, it.next());
            sender.join(); // room was made: the third send goes through
            assertEquals(1, it.next());
            assertEquals(2, it.next());
        } finally {
            sender.interrupt();
        }
    }

    @Test
    void receiverWaitsWithoutSpinning() throws Exception {
        // Six items, 250 ms apart: the receiver (this thread) has nothing to do most of the time.
        Channel<Integer> ch = Katas.load(Channels.class).make(8);
        AtomicLong closedAt = new AtomicLong();
        Thread producer = Thread.ofPlatform().daemon().name("test-producer").start(() -> {
            try {
                for (int i = 0; i < 6; i++) {
                    Thread.sleep(250);
                    ch.send(i);
                }
                closedAt.set(System.nanoTime());
                ch.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Integer> got = new ArrayList<>();
        try {
            for (Integer item : ch) {
                got.add(item);
            }
            long endedAt = System.nanoTime();
            producer.join(Tolerance.of(Duration.ofSeconds(2)));
            assertInOrder(0, 6, got, "the range loop must wait for each late item, not stop when the channel is empty");
            long lateMs = (endedAt - closedAt.get()) / 1_000_000;
            assertTrue(lateMs <= END_AFTER_CLOSE_MS, "the loop ended " + lateMs + " ms after close()");
        } finally {
            producer.interrupt();
        }
    }

    @Test
    void interruptedReceiverStops() throws Exception {
        Channel<Integer> ch = Katas.load(Channels.class).make(4);
        Receiver r = Receiver.start(ch);
        Waits.isBlocked(r.thread, Tolerance.of(Duration.ofSeconds(1)));
        r.thread.interrupt();
        r.thread.join();
        assertTrue(r.failure.get() instanceof CancellationException, "an interrupted receiver must end with a "
                + "CancellationException, got " + (r.failure.get() == null ? "a normal end of the loop" : r.failure.get()));
        assertTrue(r.interruptedAtEnd, "the receiver's interrupt status must be set again");
    }

    @Test
    void capacityBelowOneIsRefused() {
        Channels channels = Katas.load(Channels.class);
        assertThrows(IllegalArgumentException.class, () -> channels.make(0));
    }

    // ------------------------------------------------------------------ helpers

    static void assertInOrder(int from, int to, List<Integer> got, String what) {
        List<Integer> seen = List.copyOf(got);
        for (int i = 0; i < Math.min(to - from, seen.size()); i++) {
            if (seen.get(i) != from + i) {
                fail(what + ": position " + i + " holds " + seen.get(i) + " instead of " + (from + i));
            }
        }
        if (seen.size() != to - from) {
            fail(what + ": " + (to - from) + " items sent, " + seen.size() + " received " + seen);
        }
    }

    /** A test thread that ranges over a channel and records what it got and when its loop ended. */
    static final class Receiver {
        final List<Integer> items = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile long endedAt;
        volatile boolean interruptedAtEnd;
        Thread thread;

        static Receiver start(Channel<Integer> ch) {
            Receiver r = new Receiver();
            r.thread = Thread.ofPlatform().daemon().name("test-receiver").start(() -> {
                try {
                    for (Integer item : ch) {
                        r.items.add(item);
                    }
                } catch (Throwable t) {
                    r.failure.set(t);
                } finally {
                    r.endedAt = System.nanoTime();
                    r.interruptedAtEnd = Thread.currentThread().isInterrupted();
                }
            });
            return r;
        }

        void assertEndedNormally() {
            if (failure.get() != null) {
                throw new AssertionError("the range loop failed: " + failure.get(), failure.get());
            }
        }

        void assertEndedSoonAfter(long closedAt) {
            long lateMs = (endedAt - closedAt) / 1_000_000;
            assertTrue(lateMs <= END_AFTER_CLOSE_MS, "a receiver's loop ended " + lateMs
                    + " ms after close(): closing must wake waiting receivers at once (limit "
                    + END_AFTER_CLOSE_MS + " ms)");
        }
    }
}
