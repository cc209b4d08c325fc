package katas.day02;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 2: run them in your IDE or with `make test-public DAY=2`. */
class Day02PublicTest {

    @Test
    void greetsEveryIdOnce() throws Exception {
        List<Integer> greeted = Collections.synchronizedList(new ArrayList<>());
        Katas.load(Greeter.class).greet(5, id -> {
            System.out.println("Goroutine " + id);
            greeted.add(id);
        });
        List<Integer> sorted = new ArrayList<>(greeted);
        Collections.sort(sorted);
        assertEquals(List.of(1, 2, 3, 4, 5), sorted, "ids 1..5, each once, in any order");
    }

    @Test
    void returnsAfterEveryGreeting() throws Exception {
        List<Integer> greeted = Collections.synchronizedList(new ArrayList<>());
        Katas.load(Greeter.class).greet(5, id -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            greeted.add(id);
        });
        assertEquals(5, greeted.size(), "greet returned before every greeting had finished");
    }
}
