package katas.day26;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Public tests of day 26: run them in your IDE or with `make test-public DAY=26`. */
class Day26PublicTest {

    @Test
    void movesMoneyAndRefusesOverdrafts() throws Exception {
        AtomicInteger entries = new AtomicInteger();
        Bank bank = Katas.load(Bank.class);
        bank.open(2, 100, (from, to, amount) -> entries.incrementAndGet());
        assertTrue(bank.transfer(0, 1, 40));
        assertFalse(bank.transfer(0, 1, 61), "account 0 holds only 60");
        assertEquals(60, bank.balance(0));
        assertEquals(140, bank.balance(1));
        assertEquals(1, entries.get(), "one journal entry per successful transfer");
    }

    @Test
    @Timeout(10) // a deadlock would hang forever: plain JUnit gives up after 10 s
    void transfersInBothDirectionsAtOnceFinish() throws Exception {
        Bank bank = Katas.load(Bank.class);
        bank.open(2, 1_000, (from, to, amount) -> sleep(Duration.ofMillis(1)));
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int from = c % 2;
            clients.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    gate.await();
                    for (int i = 0; i < 20; i++) {
                        bank.transfer(from, 1 - from, 1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        gate.countDown();
        for (Thread t : clients) {
            t.join();
        }
        assertEquals(1_000, bank.balance(0), "40 transfers each way of 1");
        assertEquals(1_000, bank.balance(1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
