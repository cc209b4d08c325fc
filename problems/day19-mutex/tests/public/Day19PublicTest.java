package katas.day19;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 19: run them in your IDE or with `make test-public DAY=19`. */
class Day19PublicTest {

    @Test
    void transfersAndRefusals() {
        Bank bank = Katas.load(Bank.class);
        bank.open(2, 10);
        assertTrue(bank.transfer(0, 1, 3));
        assertEquals(7, bank.balance(0));
        assertEquals(13, bank.balance(1));
        assertFalse(bank.transfer(0, 1, 8), "account 0 holds 7: a transfer of 8 is refused");
        assertEquals(20, bank.total());
    }

    @Test
    void manyThreadsLoseNothing() throws Exception {
        Bank bank = Katas.load(Bank.class);
        bank.open(2, 1_000_000);
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t % 2;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    bank.transfer(from, 1 - from, 1);
                }
            }));
        }
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1_000_000, bank.balance(0), "as many transfers went each way: balances are back where they were");
        assertEquals(2_000_000, bank.total());
    }
}
