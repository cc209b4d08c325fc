package katas.day26.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day26.Bank;
import katas.support.Katas;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 26. Clients are the test's own platform threads,
 * released together by a start gate; the journal (see {@link Audit}) takes
 * about a millisecond per entry while the bank holds both accounts, which
 * makes the deadlock of the original ordering all but certain, and checks
 * that no two entries on one account are written at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day26HiddenTest {

    @Test
    @Order(1)
    void movesMoneyRefusesOverdraftsAndJournalsEachTransfer() throws Exception {
        Audit audit = new Audit(3, 0);
        Bank bank = Katas.load(Bank.class);
        bank.open(3, 100, audit);
        assertTrue(bank.transfer(0, 1, 30), "0 -> 1 of 30 with 100 in account 0");
        assertEquals(70, bank.balance(0));
        assertEquals(130, bank.balance(1));
        assertFalse(bank.transfer(0, 2, 71), "account 0 holds 70: a transfer of 71 is refused");
        assertEquals(70, bank.balance(0), "a refused transfer changes nothing");
        assertEquals(100, bank.balance(2), "a refused transfer changes nothing");
        assertTrue(bank.transfer(0, 2, 70), "account 0 holds exactly 70");
        assertEquals(0, bank.balance(0));
        assertEquals(170, bank.balance(2));
        assertEquals(2, audit.records(), "one journal entry per successful transfer, none for a refused one");
        assertThrows(IllegalArgumentException.class, () -> bank.transfer(1, 1, 5), "from == to");
        assertThrows(IllegalArgumentException.class, () -> bank.transfer(1, 2, 0), "amount 0");
        assertThrows(IllegalArgumentException.class, () -> bank.transfer(1, 2, -5), "negative amount");
    }

    @Test
    @Order(2)
    void opposingTransfersNeverDeadlock() throws Exception {
        // Two clients send 0 -> 1 and two send 1 -> 0, at the same time, three rounds.
        for (int round = 1; round <= 3; round++) {
            Audit audit = new Audit(2, 1000);
            Bank bank = Katas.load(Bank.class);
            bank.open(2, 1_000, audit);
            List<Callable<Integer>> clients = new ArrayList<>();
            int[][] plan = {{0, 1, 1}, {1, 0, 2}, {0, 1, 3}, {1, 0, 4}};
            for (int[] p : plan) {
                clients.add(() -> {
                    int done = 0;
                    for (int i = 0; i < 25; i++) {
                        if (bank.transfer(p[0], p[1], p[2])) {
                            done++;
                        }
                    }
                    return done;
                });
            }
            List<Integer> done = Audit.together(clients);
            for (int i = 0; i < plan.length; i++) {
                assertEquals(25, done.get(i), "round " + round + ": every transfer had the money; client " + i
                        + " succeeded " + done.get(i) + " times of 25");
            }
            // 0 -> 1: 25 * (1 + 3) = 100; 1 -> 0: 25 * (2 + 4) = 150.
            assertEquals(1_050, bank.balance(0), "round " + round + ": balance of account 0");
            assertEquals(950, bank.balance(1), "round " + round + ": balance of account 1");
            assertEquals(100, audit.records(), "round " + round + ": one journal entry per transfer");
            assertNull(audit.overlap(), "round " + round);
        }
    }

    @Test
    @Order(3)
    void randomTransfersKeepExactBalances() throws Exception {
        int accounts = 5;
        long initial = 10_000;
        for (int round = 1; round <= 2; round++) {
            Audit audit = new Audit(accounts, 300);
            Bank bank = Katas.load(Bank.class);
            bank.open(accounts, initial, audit);
            List<Callable<long[]>> clients = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                long seed = 26L * 1000 + round * 100 + c;
                clients.add(() -> {
                    Random random = new Random(seed);
                    long[] delta = new long[accounts];
                    for (int i = 0; i < 30; i++) {
                        int from = random.nextInt(accounts);
                        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                        long amount = 1 + random.nextInt(20);
                        if (bank.transfer(from, to, amount)) {
                            delta[from] -= amount;
                            delta[to] += amount;
                        }
                    }
                    return delta;
                });
            }
            long[] expected = new long[accounts];
            java.util.Arrays.fill(expected, initial);
            for (long[] delta : Audit.together(clients)) {
                for (int a = 0; a < accounts; a++) {
                    expected[a] += delta[a];
                }
            }
            long total = 0;
            for (int a = 0; a < accounts; a++) {
                assertEquals(expected[a], bank.balance(a), "round " + round + ": balance of account " + a
                        + " after 180 concurrent transfers (lost update?)");
                total += bank.balance(a);
            }
            assertEquals(accounts * initial, total, "money was created or destroyed");
            assertNull(audit.overlap(), "round " + round);
        }
    }

    @Test
    @Order(4)
    void aBusyAccountIsWaitedForNotSpunOn() throws Exception {
        // The first transfer journals for 1.5 s; two more need its accounts and must wait for it, blocked
        // (a thread that spins in your code for 800 ms is caught).
        CountDownLatch journaling = new CountDownLatch(1);
        AtomicBoolean slowDone = new AtomicBoolean();
        Audit inner = new Audit(3, 0);
        Bank bank = Katas.load(Bank.class);
        bank.open(3, 500, (from, to, amount) -> {
            inner.record(from, to, amount);
            if (amount == 7) {
                journaling.countDown();
                Audit.pause(1_500_000);
                slowDone.set(true);
            }
        });
        FutureTask<Boolean> slow = new FutureTask<>(() -> bank.transfer(0, 1, 7));
        Thread first = Thread.ofPlatform().name("test-slow-client").start(slow);
        journaling.await();
        AtomicInteger waitedForTheFirst = new AtomicInteger();
        List<FutureTask<Boolean>> waiting = List.of(
                new FutureTask<>(() -> waitAndNote(bank.transfer(1, 0, 9), slowDone, waitedForTheFirst)),
                new FutureTask<>(() -> waitAndNote(bank.transfer(2, 0, 4), slowDone, waitedForTheFirst)));
        List<Thread> waiters = new ArrayList<>();
        for (FutureTask<Boolean> w : waiting) {
            waiters.add(Thread.ofPlatform().name("test-waiting-client-" + waiters.size()).start(w));
        }
        first.join();
        for (Thread w : waiters) {
            w.join();
        }
        assertTrue(slow.get());
        for (FutureTask<Boolean> w : waiting) {
            assertTrue(w.get());
        }
        assertEquals(2, waitedForTheFirst.get(), "a transfer ran on account 0 while 0 -> 1 was still journaling");
        assertEquals(500 - 7 + 9 + 4, bank.balance(0));
        assertEquals(500 + 7 - 9, bank.balance(1));
        assertEquals(500 - 4, bank.balance(2));
        assertNull(inner.overlap());
    }

    private static boolean waitAndNote(boolean ok, AtomicBoolean slowDone, AtomicInteger waited) {
        if (slowDone.get()) {
            waited.incrementAndGet();
        }
        return ok;
    }
}
