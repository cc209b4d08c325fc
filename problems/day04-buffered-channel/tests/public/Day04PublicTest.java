package katas.day04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import katas.support.Waits;
import org.junit.jupiter.api.Test;

/** Public tests of day 4: run them in your IDE or with `make test-public DAY=4`. */
class Day04PublicTest {

    @Test
    void threeSendsFitWithoutAReceiver() throws Exception {
        Channel<Integer> channel = Katas.load(Buffered.class).newChannel(3);
        channel.send(1);
        channel.send(2);
        channel.send(3);
        assertEquals(3, channel.length());
        assertEquals(1, channel.receive());
        assertEquals(2, channel.receive());
        assertEquals(3, channel.receive());
    }

    @Test
    void theFourthSendWaits() throws Exception {
        Channel<Integer> channel = Katas.load(Buffered.class).newChannel(3);
        AtomicInteger sent = new AtomicInteger();
        Thread sender = Thread.ofPlatform().daemon().start(() -> {
            try {
                for (int v = 1; v <= 4; v++) {
                    channel.send(v);
                    sent.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(Waits.isBlocked(sender, Duration.ofSeconds(2)), "the 4th send should block (park)");
        assertEquals(3, sent.get(), "3 sends return at once, the 4th waits");
        assertEquals(1, channel.receive());
        sender.join(2000);
        assertEquals(4, sent.get(), "the 4th send should go through once a receive made room");
    }

    @Test
    void firstReturnsTheFastestSource() throws Exception {
        String first = Katas.load(Buffered.class).first(List.of(
                () -> sleepThen(300, "tortoise"), () -> sleepThen(10, "hare")));
        assertEquals("hare", first);
    }

    private static String sleepThen(long millis, String answer) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }
}
