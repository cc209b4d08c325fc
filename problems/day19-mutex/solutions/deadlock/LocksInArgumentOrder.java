package katas.day19.solutions.deadlock;

import katas.day19.Bank;

/**
 * A lock per account, taken "from" first, then "to": a transfer 0 -> 1 holds
 * 0 and waits for 1 while a transfer 1 -> 0 holds 1 and waits for 0. Each
 * waits for the other forever (the classic AB-BA deadlock). Take the locks
 * in one global order (lower account number first) instead.
 */
public final class LocksInArgumentOrder implements Bank {

    private long[] balances;
    private Object[] locks;

    @Override
    public void open(int accounts, long initialBalance) {
        balances = new long[accounts];
        locks = new Object[accounts];
        for (int i = 0; i < accounts; i++) {
            balances[i] = initialBalance;
            locks[i] = new Object();
        }
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        synchronized (locks[from]) {
            synchronized (locks[to]) {
                if (balances[from] < amount) {
                    return false;
                }
                balances[from] -= amount;
                balances[to] += amount;
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

    @Override
    public long total() {
        return total(0);
    }

    /** Holds every account's lock, in order, while it adds up. */
    private long total(int from) {
        if (from == locks.length) {
            return 0;
        }
        synchronized (locks[from]) {
            return balances[from] + total(from + 1);
        }
    }
}
