package katas.day06;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 6: run them in your IDE or with `make test-public DAY=6`. */
class Day06PublicTest {

    @Test
    void produceSendsItemsInOrder() throws Exception {
        BlockingQueue<String> channel = new ArrayBlockingQueue<>(10);
        Katas.load(ProducerConsumer.class).produce(5, i -> "item " + i, channel::put);
        assertEquals(List.of("item 0", "item 1", "item 2", "item 3", "item 4"), new ArrayList<>(channel));
    }

    @Test
    void consumeUsesItemsInOrder() throws Exception {
        BlockingQueue<String> channel = new ArrayBlockingQueue<>(10);
        channel.addAll(List.of("a", "b", "c"));
        List<String> used = new ArrayList<>();
        Katas.load(ProducerConsumer.class).consume(3, channel::take, used::add);
        assertEquals(List.of("a", "b", "c"), used);
    }

    @Test
    void runConnectsTheStages() throws Exception {
        List<Integer> used = new ArrayList<>();
        Katas.load(ProducerConsumer.class).run(20, i -> i * i, used::add, 2);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i * i);
        }
        assertEquals(expected, used, "every item once, in the order made");
    }
}
