package katas.day26.solutions.slow;

import katas.day26.Bank;
import katas.day26.Journal;

/**
 * Cures the deadlock with one lock for the whole bank: correct, but every
 * transfer waits for every other one, even between unrelated accounts
 * (the speedup baseline).
 */
public final class GlobalLock implements Bank {

    private final Object bank = new Object();
    private long[] balances;
    private Journal journal;

    @Override
    public void open(int accounts, long initialBalance, Journal journal) {
        balances = new long[accounts];
        java.util.Arrays.fill(balances, initialBalance);
        this.journal = journal;
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (from == to || amount <= 0) {
            throw new IllegalArgumentException("transfer from " + from + " to " + to + " of " + amount);
        }
        synchronized (bank) {
            if (balances[from] < amount) {
                return false;
            }
            balances[from] -= amount;
            balances[to] += amount;
            journal.record(from, to, amount);
            return true;
        }
    }

    @Override
    public long balance(int account) {
        synchronized (bank) {
            return balances[account];
        }
    }
}
