package katas.day03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import katas.support.Katas;
import katas.support.Waits;
import org.junit.jupiter.api.Test;

/** Public tests of day 3: run them in your IDE or with `make test-public DAY=3`. */
class Day03PublicTest {

    @Test
    void receiveFromReturnsWhatTheProducerMade() throws Exception {
        assertEquals("ping", Katas.load(Handoff.class).receiveFrom(() -> "ping"));
    }

    @Test
    void aValueGoesFromOneThreadToAnother() throws Exception {
        Channel<Integer> channel = Katas.load(Handoff.class).newChannel();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                channel.send(42);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(42, channel.receive());
        sender.join();
    }

    @Test
    void sendWaitsForTheReceiver() throws Exception {
        Channel<String> channel = Katas.load(Handoff.class).newChannel();
        AtomicBoolean sent = new AtomicBoolean();
        Thread sender = Thread.ofPlatform().daemon().start(() -> {
            try {
                channel.send("hello");
                sent.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(Waits.isBlocked(sender, Duration.ofSeconds(2)) && !sent.get(),
                "with nobody receiving, send should block (park) instead of returning");
        assertEquals("hello", channel.receive());
        sender.join(2000);
        assertTrue(sent.get(), "send should return once its value was received");
    }
}
