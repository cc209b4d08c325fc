package katas.day01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 1: run them in your IDE or with `make test-public DAY=1`. */
class Day01PublicTest {

    @Test
    void runsTheTaskNTimes() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Katas.load(Goroutines.class).runAll(10, runs::incrementAndGet);
        assertEquals(10, runs.get(), "the task should run exactly 10 times");
    }

    @Test
    void returnsAfterEveryRunHasFinished() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        Katas.load(Goroutines.class).runAll(5, () -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        assertEquals(5, finished.get(), "runAll returned before every run had finished");
    }
}
