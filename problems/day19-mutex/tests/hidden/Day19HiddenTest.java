package katas.day19.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import katas.day19.Bank;
import katas.support.Katas;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 19: exact balances under start-gated contention,
 * repeated; transfers in both directions at once (a lock-ordering deadlock
 * shows here); totals read while money moves. Every thread records the
 * transfers it made, so the expected balance of every account is known
 * exactly, whatever was refused. Atomicity in the small (check-then-act,
 * snapshots) is checked by {@link Day19Linearizability} with Lincheck.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day19HiddenTest {

    @Test
    @Order(1)
    void transfersMoveMoneyAndRefuseOverdrafts() {
        Bank bank = Katas.load(Bank.class);
        bank.open(3, 100);
        assertTrue(bank.transfer(0, 1, 30), "account 0 holds 100: a transfer of 30 goes through");
        assertEquals(70, bank.balance(0));
        assertEquals(130, bank.balance(1));
        assertEquals(100, bank.balance(2));
        assertFalse(bank.transfer(0, 2, 71), "account 0 holds 70: a transfer of 71 is refused");
        assertEquals(70, bank.balance(0), "a refused transfer changes nothing");
        assertEquals(100, bank.balance(2), "a refused transfer changes nothing");
        assertTrue(bank.transfer(0, 2, 70), "account 0 holds 70: a transfer of all of it goes through");
        assertEquals(0, bank.balance(0));
        assertEquals(170, bank.balance(2));
        assertEquals(300, bank.total());
        assertFalse(bank.transfer(0, 1, 1), "an empty account cannot send anything");
    }

    @Test
    @Order(2)
    void exactBalancesUnderContention() throws Exception {
        // 6 threads released together make 2,000 random transfers each among 5 accounts; 10 rounds.
        for (int round = 0; round < 10; round++) {
            int accounts = 5;
            long initial = 300;
            Bank bank = Katas.load(Bank.class);
            bank.open(accounts, initial);
            long[] expected = new long[accounts];
            java.util.Arrays.fill(expected, initial);
            List<long[]> moves = run(6, 2_000, round, (random, n) -> {
                int from = random.nextInt(accounts);
                int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                long amount = 1 + random.nextInt(20);
                return bank.transfer(from, to, amount) ? new long[] {from, to, amount} : null;
            });
            for (long[] m : moves) {
                expected[(int) m[0]] -= m[2];
                expected[(int) m[1]] += m[2];
            }
            for (int a = 0; a < accounts; a++) {
                assertEquals(expected[a], bank.balance(a), "round " + round + ": account " + a
                        + " should hold what it started with plus what the accepted transfers moved in and out "
                        + "(an update was lost: a read-modify-write that is not under one lock?)");
            }
            assertEquals(accounts * initial, bank.total(), "round " + round + ": money was created or lost");
        }
    }

    @Test
    @Order(3)
    void oppositeTransfersDoNotDeadlock() throws Exception {
        // Two accounts, half the threads send 0 -> 1 and half 1 -> 0, all at once: locks taken in
        // argument order ("from" first) wait for each other in a cycle.
        for (int round = 0; round < 5; round++) {
            Bank bank = Katas.load(Bank.class);
            bank.open(2, 1_000_000);
            List<long[]> moves = run(4, 5_000, round, (random, n) -> {
                int from = n % 2;
                return bank.transfer(from, 1 - from, 1) ? new long[] {from, 1 - from, 1} : null;
            });
            long net = 0;
            for (long[] m : moves) {
                net += m[0] == 0 ? 1 : -1;
            }
            assertEquals(20_000, moves.size(), "every transfer had the funds: none should be refused");
            assertEquals(1_000_000 - net, bank.balance(0), "round " + round + ": account 0");
            assertEquals(1_000_000 + net, bank.balance(1), "round " + round + ": account 1");
        }
    }

    @Test
    @Order(4)
    void totalIsTheSameWhileMoneyMoves() throws Exception {
        // Two threads move money around 4 accounts while two others read total() and balances.
        for (int round = 0; round < 5; round++) {
            Bank bank = Katas.load(Bank.class);
            bank.open(4, 50);
            CountDownLatch gate = new CountDownLatch(1);
            AtomicReference<String> seen = new AtomicReference<>();
            CountDownLatch movers = new CountDownLatch(2);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                SplittableRandom random = new SplittableRandom(round * 31L + t);
                threads.add(Thread.ofPlatform().name("test-mover-" + t).start(() -> {
                    await(gate);
                    try {
                        for (int i = 0; i < 10_000; i++) {
                            int from = random.nextInt(4);
                            bank.transfer(from, (from + 1 + random.nextInt(3)) % 4, 1 + random.nextInt(30));
                        }
                    } finally {
                        movers.countDown();
                    }
                }));
            }
            for (int t = 0; t < 2; t++) {
                threads.add(Thread.ofPlatform().name("test-reader-" + t).start(() -> {
                    await(gate);
                    while (movers.getCount() > 0 && seen.get() == null) {
                        long total = bank.total();
                        if (total != 200) {
                            seen.compareAndSet(null, "total() returned " + total + " while only transfers ran "
                                    + "(it is always 200): the total is not one snapshot");
                        }
                        for (int a = 0; a < 4; a++) {
                            long b = bank.balance(a);
                            if (b < 0) {
                                seen.compareAndSet(null, "account " + a + " went below zero: " + b);
                            }
                        }
                    }
                }));
            }
            gate.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(null, seen.get(), "round " + round);
            assertEquals(200, bank.total(), "round " + round + ": money was created or lost");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** One transfer attempt: returns {from, to, amount} when it went through, null when refused. */
    interface Move {
        long[] make(SplittableRandom random, int threadIndex);
    }

    /**
     * Starts {@code threads} test threads released together by a start gate; each makes
     * {@code perThread} moves. Returns every accepted move.
     */
    static List<long[]> run(int threads, int perThread, int seed, Move move) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<List<long[]>> done = new ArrayList<>();
        List<Thread> started = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            List<long[]> mine = new ArrayList<>();
            done.add(mine);
            int index = t;
            SplittableRandom random = new SplittableRandom(seed * 1_000L + t);
            started.add(Thread.ofPlatform().name("test-client-" + t).start(() -> {
                await(gate);
                try {
                    for (int i = 0; i < perThread; i++) {
                        long[] m = move.make(random, index);
                        if (m != null) {
                            mine.add(m);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        gate.countDown();
        for (Thread t : started) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a transfer threw: " + failure.get(), failure.get());
        }
        List<long[]> all = new ArrayList<>();
        done.forEach(all::addAll);
        return all;
    }

    static void await(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
