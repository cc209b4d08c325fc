package katas.day03.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import katas.day03.Channel;
import katas.day03.Handoff;
import katas.support.Katas;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 3. The point: capacity 0. A send stays blocked (its
 * thread parked) until a receiver takes the value. Senders and receivers the
 * test needs besides its own thread are the test's helper threads; they wait
 * with bounds, so a channel that loses a value fails a test instead of
 * hanging it. Those bounds and the window a send must stay blocked stretch
 * with the judge's factor ({@link Tolerance}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day03HiddenTest {

    private static final Duration SHORT = Tolerance.of(Duration.ofSeconds(2));

    private final List<Thread> helpers = new ArrayList<>();

    @AfterEach
    void stopHelpers() {
        helpers.forEach(Thread::interrupt);
    }

    @Test
    @Order(1)
    void sendWaitsUntilAReceiverTakesTheValue() throws Exception {
        Channel<String> channel = Katas.load(Handoff.class).newChannel();
        AtomicBoolean sent = new AtomicBoolean();
        Thread sender = helper("test-sender", () -> {
            channel.send("hello");
            sent.set(true);
        });
        if (!parkedOrEnded(sender) || !sender.isAlive()) {
            fail(sent.get()
                    ? "send(\"hello\") returned with nobody receiving: this channel buffers; an unbuffered send "
                    + "waits until a receiver has taken the value"
                    : "send(\"hello\") with nobody receiving should park its thread until a receiver comes; "
                    + "the sender is " + sender.getState());
        }
        assertTrue(Waits.staysBlocked(sender, Tolerance.of(Duration.ofMillis(200))),
                "send(\"hello\") must stay blocked while nobody receives; it " + (sent.get() ? "returned" : "woke up"));
        assertFalse(sent.get(), "send(\"hello\") returned with nobody receiving");
        assertEquals("hello", channel.receive(), "the receiver should get what the sender sent");
        assertTrue(Waits.until(sent::get, SHORT), "send(\"hello\") still blocked after its value was received");
    }

    @Test
    @Order(2)
    void receiveWaitsForASender() throws Exception {
        // The test's own thread receives; the sender comes 1.5 s later. A receive that spins
        // for that time instead of blocking is seen burning CPU.
        Channel<String> channel = Katas.load(Handoff.class).newChannel();
        AtomicBoolean sending = new AtomicBoolean();
        AtomicBoolean sent = new AtomicBoolean();
        helper("test-late-sender", () -> {
            Thread.sleep(1500);
            sending.set(true);
            channel.send("late");
            sent.set(true);
        });
        String got = channel.receive();
        assertTrue(sending.get(), "receive() returned " + quote(got) + " before anything was sent: "
                + "it should wait for a sender");
        assertEquals("late", got);
        assertTrue(Waits.until(sent::get, SHORT), "send(\"late\") still blocked after receive() returned its value");
    }

    @Test
    @Order(3)
    void valuesOfOneSenderArriveInOrder() throws Exception {
        Channel<Integer> channel = Katas.load(Handoff.class).newChannel();
        List<Integer> values = IntStream.rangeClosed(1, 30).boxed().toList();
        List<Integer> received = Collections.synchronizedList(new ArrayList<>());
        Thread sender = helper("test-sender", () -> {
            for (int v : values) {
                channel.send(v);
            }
        });
        Thread receiver = helper("test-receiver", () -> {
            for (int i = 0; i < values.size(); i++) {
                received.add(channel.receive());
            }
        });
        assertTrue(Waits.until(() -> !sender.isAlive() && !receiver.isAlive(), Tolerance.of(Duration.ofSeconds(3))),
                "30 values through the channel did not all arrive; received " + received);
        assertEquals(values, received, "one sender's values must arrive once each, in the order sent");
    }

    @Test
    @Order(4)
    void manySendersManyReceiversEachValueOnce() throws Exception {
        Channel<Integer> channel = Katas.load(Handoff.class).newChannel();
        List<Integer> received = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int base = s * 100;
            threads.add(helper("test-sender-" + s, () -> {
                for (int i = 0; i < 20; i++) {
                    channel.send(base + i);
                }
            }));
        }
        for (int r = 0; r < 3; r++) {
            threads.add(helper("test-receiver-" + r, () -> {
                for (int i = 0; i < 20; i++) {
                    received.add(channel.receive());
                }
            }));
        }
        assertTrue(Waits.until(() -> threads.stream().noneMatch(Thread::isAlive), Tolerance.of(Duration.ofSeconds(3))),
                "3 senders and 3 receivers of 20 values each did not finish; " + received.size() + " received");
        List<Integer> expected = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 20; i++) {
                expected.add(s * 100 + i);
            }
        }
        List<Integer> sorted = new ArrayList<>(received);
        Collections.sort(sorted);
        assertEquals(expected, sorted, "each of the 60 values must be received exactly once");
    }

    @Test
    @Order(5)
    void aBlockedSendCanBeInterrupted() throws Exception {
        Channel<String> channel = Katas.load(Handoff.class).newChannel();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread sender = Thread.ofPlatform().daemon().name("test-sender").start(() -> {
            try {
                channel.send("never taken");
                outcome.set(new AssertionError("send returned with nobody receiving"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        helpers.add(sender);
        assertTrue(parkedOrEnded(sender) && sender.isAlive(), "send with nobody receiving should block; the sender is "
                + sender.getState() + (outcome.get() == null ? "" : ", " + outcome.get().getMessage()));
        sender.interrupt();
        assertTrue(Waits.until(() -> outcome.get() != null, SHORT), "an interrupted send should stop waiting");
        assertTrue(outcome.get() instanceof InterruptedException,
                "an interrupted send should throw InterruptedException, got " + outcome.get());
    }

    @Test
    @Order(6)
    void receiveFromRunsTheProducerOnAnotherThread() throws Exception {
        // The producer takes a moment, so the caller is surely receiving when the value comes: a send
        // that drops its value when nobody waits yet is caught by the first test, not by a race here.
        AtomicReference<Thread> producerThread = new AtomicReference<>();
        String got = Katas.load(Handoff.class).receiveFrom(() -> {
            producerThread.set(Thread.currentThread());
            pause(200);
            return "from another thread";
        });
        assertEquals("from another thread", got);
        assertNotNull(producerThread.get(), "the producer was never run");
        assertNotSame(Thread.currentThread(), producerThread.get(),
                "the producer must run on a new thread, not on the caller's");
    }

    @Test
    @Order(7)
    void receiveFromWaitsForASlowProducer() throws Exception {
        String got = Katas.load(Handoff.class).receiveFrom(() -> {
            pause(400);
            return "worth the wait";
        });
        assertEquals("worth the wait", got);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) until {@code t} parks or ends; whether it did. */
    private static boolean parkedOrEnded(Thread t) {
        return Waits.until(() -> switch (t.getState()) {
            case WAITING, BLOCKED, TERMINATED -> true;
            default -> false;
        }, SHORT);
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

    private static String quote(Object o) {
        return o == null ? "null" : "\"" + o + "\"";
    }
}
