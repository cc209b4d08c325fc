package katas.day08;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 8: run them in your IDE or with `make test-public DAY=8`. */
class Day08PublicTest {

    @Test
    void handlesItemsAlreadyWaitingInBothSources() throws Exception {
        BlockingQueue<String> words = new LinkedBlockingQueue<>(List.of("x", "y", "z"));
        BlockingQueue<Integer> numbers = new LinkedBlockingQueue<>(List.of(1, 2));
        List<String> gotWords = new ArrayList<>();
        List<Integer> gotNumbers = new ArrayList<>();
        Katas.load(Select.class).merge(words, 3, gotWords::add, numbers, 2, gotNumbers::add);
        assertEquals(List.of("x", "y", "z"), gotWords);
        assertEquals(List.of(1, 2), gotNumbers);
    }

    @Test
    void handlesTheSlowSourceWithoutWaitingForTheFastOne() throws Exception {
        Select select = Katas.load(Select.class);
        BlockingQueue<String> fast = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> slow = new LinkedBlockingQueue<>();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try {
                slow.put(0);            // the slow source has one item right away...
                for (int i = 0; i < 20; i++) {
                    Thread.sleep(10);
                    fast.put("f" + i);  // ...the fast one keeps coming for 200 ms
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<String> order = new ArrayList<>();
        select.merge(fast, 20, order::add, slow, 1, s -> order.add("slow"));
        feeder.join();
        assertEquals(21, order.size());
        assertTrue(order.indexOf("slow") < 10, "the slow source's item was there from the start, but was "
                + "handled after " + order.indexOf("slow") + " items of the fast source: " + order);
    }
}
