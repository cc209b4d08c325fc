package katas.day04.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import katas.day04.Buffered;
import katas.day04.Channel;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 4. The point: capacity sends return at once, the next
 * one waits until a receive makes room, values come out first in, first out.
 * A send on a full buffer is checked by what it does (it does not return
 * before a receive), so one that spins instead of parking passes here and is
 * reported by the judge as busy waiting. The test's other threads wait with
 * bounds: a channel that loses a value fails a test instead of hanging it.
 * Those bounds, quiet windows and upper bounds on a call's time stretch with
 * the judge's factor ({@link Tolerance}); the sources' and receivers' delays
 * are the scenario.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day04HiddenTest {

    /** How long the test waits for something that should happen before failing. */
    private static final Duration SHORT = Tolerance.of(Duration.ofSeconds(2));

    private final List<Thread> helpers = new ArrayList<>();

    @AfterEach
    void stopHelpers() {
        helpers.forEach(Thread::interrupt);
    }

    @Test
    @Order(1)
    void fillThenDrainOnOneThread() throws Exception {
        // Go's demo of a buffered channel: one goroutine sends 3 values, then receives them.
        // With no buffer the first send waits forever for a receiver that is the same thread.
        Channel<String> channel = Katas.load(Buffered.class).newChannel(3);
        assertEquals(3, channel.capacity(), "capacity()");
        assertEquals(0, channel.length(), "length() of a new channel");
        channel.send("a");
        channel.send("b");
        channel.send("c");
        assertEquals(3, channel.length(), "length() after 3 sends");
        assertEquals("a", channel.receive(), "first in, first out");
        assertEquals("b", channel.receive(), "first in, first out");
        assertEquals(1, channel.length(), "length() after 3 sends and 2 receives");
        assertEquals("c", channel.receive(), "first in, first out");
        assertEquals(0, channel.length(), "length() once drained");
    }

    @Test
    @Order(2)
    void theFourthSendWaitsForAReceive() throws Exception {
        // The test's own thread sends; a receiver comes 1.5 s later. A send that spins on
        // the full buffer for that time instead of blocking is seen burning CPU.
        Channel<Integer> channel = Katas.load(Buffered.class).newChannel(3);
        AtomicBoolean receiving = new AtomicBoolean();
        AtomicReference<Integer> received = new AtomicReference<>();
        helper("test-late-receiver", () -> {
            Thread.sleep(1500);
            receiving.set(true);
            received.set(channel.receive());
        });
        for (int v = 1; v <= 3; v++) {
            channel.send(v);
            assertFalse(receiving.get(), "send #" + v + " into a channel of capacity 3 holding " + (v - 1)
                    + " values waited for a receiver; it should return at once");
        }
        channel.send(4);
        assertTrue(receiving.get(), "send #4 returned while the buffer of 3 was full; it should wait "
                + "until a receive makes room");
        assertTrue(Waits.until(() -> received.get() != null, SHORT), "the receiver got nothing");
        assertEquals(1, received.get(), "the receiver should get the oldest value: first in, first out");
        assertEquals(2, channel.receive(), "first in, first out");
        assertEquals(3, channel.receive(), "first in, first out");
        assertEquals(4, channel.receive(), "the 4th value, sent once there was room");
        assertEquals(0, channel.length(), "length() once drained");
    }

    @Test
    @Order(3)
    void capacityOneAndFive() throws Exception {
        for (int capacity : new int[] {1, 5}) {
            Channel<Integer> channel = Katas.load(Buffered.class).newChannel(capacity);
            assertEquals(capacity, channel.capacity(), "capacity() of newChannel(" + capacity + ")");
            AtomicInteger sent = new AtomicInteger();
            int n = capacity + 1;
            helper("test-sender", () -> {
                for (int v = 1; v <= n; v++) {
                    channel.send(v);
                    sent.incrementAndGet();
                }
            });
            String what = "a channel of capacity " + capacity;
            assertTrue(Waits.until(() -> sent.get() >= capacity, SHORT), "into " + what + ", only "
                    + sent.get() + " sends returned without a receiver; " + capacity + " should");
            assertFalse(Waits.until(() -> sent.get() > capacity, Tolerance.of(Duration.ofMillis(250))),
                    "into " + what + ", send #" + n + " returned with the buffer full and nobody receiving");
            assertEquals(capacity, channel.length(), "length() of a full channel of capacity " + capacity);
            assertEquals(1, channel.receive(), "first in, first out");
            assertTrue(Waits.until(() -> sent.get() == n, SHORT),
                    "into " + what + ", send #" + n + " still waits after a receive made room");
            for (int v = 2; v <= n; v++) {
                assertEquals(v, channel.receive(), "first in, first out, in " + what);
            }
        }
    }

    @Test
    @Order(4)
    void receiveOnAnEmptyChannelWaitsForASend() throws Exception {
        Channel<String> channel = Katas.load(Buffered.class).newChannel(3);
        AtomicReference<String> received = new AtomicReference<>();
        Thread receiver = helper("test-receiver", () -> received.set(channel.receive()));
        assertTrue(Waits.isBlocked(receiver, SHORT) && receiver.isAlive(),
                "receive() on an empty channel should block (park) until a send; the receiver is "
                        + receiver.getState() + ", received " + received.get());
        channel.send("x");
        assertTrue(Waits.until(() -> received.get() != null, SHORT), "receive() still waits after a send");
        assertEquals("x", received.get());
    }

    @Test
    @Order(5)
    void manySendersManyReceiversEachValueOnce() throws Exception {
        Channel<Integer> channel = Katas.load(Buffered.class).newChannel(3);
        List<Integer> received = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int base = s * 100;
            for (int i = 0; i < 30; i++) {
                expected.add(base + i);
            }
            threads.add(helper("test-sender-" + s, () -> {
                for (int i = 0; i < 30; i++) {
                    channel.send(base + i);
                }
            }));
        }
        for (int r = 0; r < 3; r++) {
            threads.add(helper("test-receiver-" + r, () -> {
                for (int i = 0; i < 30; i++) {
                    received.add(channel.receive());
                }
            }));
        }
        assertTrue(Waits.until(() -> threads.stream().noneMatch(Thread::isAlive),
                        Tolerance.of(Duration.ofSeconds(3))),
                "3 senders and 3 receivers of 30 values each did not finish; " + received.size() + " received");
        List<Integer> sorted = new ArrayList<>(received);
        Collections.sort(sorted);
        assertEquals(expected, sorted, "each of the 90 values must be received exactly once");
        assertEquals(0, channel.length(), "length() once drained");
    }

    @Test
    @Order(6)
    void firstReturnsTheFastestWithoutWaitingForTheOthers() throws Exception {
        // The losers finish 600 ms in and must then be able to leave: nobody receives their results.
        List<Supplier<String>> sources = List.of(source("slow", 600), source("fast", 50), source("slow too", 600));
        Waits.Timed<String> result = Waits.timed(() -> Katas.load(Buffered.class).first(sources));
        assertEquals("fast", result.value(), "the first result to arrive");
        // Below the 600 ms of a first() that waits for every source, at any factor.
        assertTrue(result.elapsed().toMillis() < Math.min(Tolerance.ms(350), 550), "first() took " + result.elapsed().toMillis()
                + " ms; the fastest source answers in 50 ms, the others in 600: do not wait for them");
    }

    @Test
    @Order(7)
    void firstWithFiveSourcesLeavesNoSenderBehind() throws Exception {
        // Five results at about the same time: one is received, four must fit somewhere.
        List<Supplier<Integer>> sources = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int answer = i;
            sources.add(() -> {
                pause(100);
                return answer;
            });
        }
        int got = Katas.load(Buffered.class).first(sources);
        assertTrue(got >= 1 && got <= 5, "first() returned " + got + ", not a result of the sources");
    }

    @Test
    @Order(8)
    void firstOfOne() throws Exception {
        assertEquals("only", Katas.load(Buffered.class).first(List.of(source("only", 20))));
    }

    private static Supplier<String> source(String answer, long millis) {
        return () -> {
            pause(millis);
            return answer;
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a daemon helper thread of the test; an InterruptedException just ends it. */
    private Thread helper(String name, Body body) {
        Thread t = Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                // stopped by the test
            }
        });
        helpers.add(t);
        return t;
    }

    @FunctionalInterface
    private interface Body {
        void run() throws InterruptedException;
    }
}
