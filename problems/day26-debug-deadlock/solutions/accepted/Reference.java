package katas.day26.solutions.accepted;

import java.util.concurrent.locks.ReentrantLock;
import katas.day26.Bank;
import katas.day26.Journal;

/**
 * One lock per account, always taken in the same global order (the lower
 * account number first): no thread can hold the higher lock while it waits
 * for the lower one, so no cycle of waits, so no deadlock.
 */
public final class Reference implements Bank {

    private ReentrantLock[] locks;
    private long[] balances; // each guarded by the lock of the same index
    private Journal journal;

    @Override
    public void open(int accounts, long initialBalance, Journal journal) {
        this.locks = new ReentrantLock[accounts];
        this.balances = new long[accounts];
        for (int i = 0; i < accounts; i++) {
            locks[i] = new ReentrantLock();
            balances[i] = initialBalance;
        }
        this.journal = journal;
    }

    @Override
    public boolean transfer(int from, int to, long amount) throws InterruptedException {
        if (from == to || amount <= 0) {
            throw new IllegalArgumentException("transfer from " + from + " to " + to + " of " + amount);
        }
        ReentrantLock first = locks[Math.min(from, to)];
        ReentrantLock second = locks[Math.max(from, to)];
        first.lockInterruptibly();
        try {
            second.lockInterruptibly();
            try {
                if (balances[from] < amount) {
                    return false;
                }
                balances[from] -= amount;
                balances[to] += amount;
                journal.record(from, to, amount);
                return true;
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }

    @Override
    public long balance(int account) {
        locks[account].lock();
        try {
            return balances[account];
        } finally {
            locks[account].unlock();
        }
    }
}
