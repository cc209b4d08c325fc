package katas.day26.solutions.deadlock;

import katas.day26.Bank;
import katas.day26.Journal;

/**
 * The original program: locks the source account, then the destination.
 * A transfer 0 -> 1 holds 0 and waits for 1 while a transfer 1 -> 0 holds 1
 * and waits for 0: a cycle, and both wait forever.
 */
public final class LocksFromThenTo implements Bank {

    private Object[] locks;
    private long[] balances;
    private Journal journal;

    @Override
    public void open(int accounts, long initialBalance, Journal journal) {
        locks = new Object[accounts];
        balances = new long[accounts];
        for (int i = 0; i < accounts; i++) {
            locks[i] = new Object();
            balances[i] = initialBalance;
        }
        this.journal = journal;
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (from == to || amount <= 0) {
            throw new IllegalArgumentException("transfer from " + from + " to " + to + " of " + amount);
        }
        synchronized (locks[from]) {
            synchronized (locks[to]) {
                if (balances[from] < amount) {
                    return false;
                }
                balances[from] -= amount;
                balances[to] += amount;
                journal.record(from, to, amount);
                return true;
            }
        }
    }

    @Override
    public long balance(int account) {
        synchronized (locks[account]) {
            return balances[account];
        }
    }
}
