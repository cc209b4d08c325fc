package katas.day07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 7: run them in your IDE or with `make test-public DAY=7`. */
class Day07PublicTest {

    @Test
    void rangeEndsAfterCloseAndGetsEverything() throws Exception {
        Channel<String> ch = Katas.load(Channels.class).make(3);
        ch.send("a");
        ch.send("b");
        ch.close();
        List<String> got = new ArrayList<>();
        for (String s : ch) {
            got.add(s);
        }
        assertEquals(List.of("a", "b"), got);
    }

    @Test
    void rangeWaitsForAProducerThread() throws Exception {
        Channel<Integer> ch = Katas.load(Channels.class).make(2);
        Thread producer = Thread.ofVirtual().start(() -> {
            try (ch) { // closes the channel when the producer is done
                for (int i = 0; i < 10; i++) {
                    ch.send(i);
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Integer> got = new ArrayList<>();
        for (int item : ch) {
            got.add(item);
        }
        producer.join();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), got);
    }

    @Test
    void sendAfterCloseThrows() throws Exception {
        Channel<String> ch = Katas.load(Channels.class).make(1);
        ch.close();
        assertThrows(IllegalStateException.class, () -> ch.send("late"));
    }
}
