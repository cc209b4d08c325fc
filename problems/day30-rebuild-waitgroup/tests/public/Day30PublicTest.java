package katas.day30;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Public tests of day 30: run them in your IDE or with `make test-public DAY=30`. */
class Day30PublicTest {

    @Test
    @Timeout(10)
    void waitsForEveryTask() throws Exception {
        WaitGroup wg = Katas.load(WaitGroup.class);
        AtomicInteger finished = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            wg.add(1);
            workers.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.incrementAndGet();
                wg.done();
            }));
        }
        wg.await();
        assertEquals(3, finished.get());
    }

    @Test
    void refusesANegativeCounter() {
        WaitGroup wg = Katas.load(WaitGroup.class);
        assertThrows(IllegalStateException.class, wg::done);
    }
}
