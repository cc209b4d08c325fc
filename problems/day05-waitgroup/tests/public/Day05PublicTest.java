package katas.day05;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 5: run them in your IDE or with `make test-public DAY=5`. */
class Day05PublicTest {

    @Test
    void returnsWhenAllThreeAreDone() throws Exception {
        AtomicInteger done = new AtomicInteger();
        Runnable task = () -> {
            sleep(100);
            done.incrementAndGet();
        };
        assertEquals(0, Katas.load(WaitAll.class).runAll(List.of(task, task, task)));
        assertEquals(3, done.get(), "runAll returned before all 3 tasks were done");
    }

    @Test
    void aFailingTaskDoesNotKeepYouWaiting() throws Exception {
        AtomicInteger done = new AtomicInteger();
        List<Runnable> tasks = List.of(
                () -> {
                    sleep(50);
                    done.incrementAndGet();
                },
                () -> {
                    throw new IllegalStateException("boom");
                });
        assertEquals(1, Katas.load(WaitAll.class).runAll(tasks), "one task threw");
        assertEquals(1, done.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
