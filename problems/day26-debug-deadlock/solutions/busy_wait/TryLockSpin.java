package katas.day26.solutions.busy_wait;

import java.util.concurrent.locks.ReentrantLock;
import katas.day26.Bank;
import katas.day26.Journal;

/**
 * Avoids the deadlock with tryLock: takes the first account, tries the
 * second, and on failure lets go and retries at once. No cycle can last,
 * but a transfer waiting for a busy account spins on the CPU (and two such
 * threads can keep failing in step: a livelock).
 */
public final class TryLockSpin implements Bank {

    private ReentrantLock[] locks;
    private long[] balances;
    private Journal journal;

    @Override
    public void open(int accounts, long initialBalance, Journal journal) {
        locks = new ReentrantLock[accounts];
        balances = new long[accounts];
        for (int i = 0; i < accounts; i++) {
            locks[i] = new ReentrantLock();
            balances[i] = initialBalance;
        }
        this.journal = journal;
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (from == to || amount <= 0) {
            throw new IllegalArgumentException("transfer from " + from + " to " + to + " of " + amount);
        }
        while (true) {
            if (locks[from].tryLock()) {
                try {
                    if (locks[to].tryLock()) {
                        try {
                            if (balances[from] < amount) {
                                return false;
                            }
                            balances[from] -= amount;
                            balances[to] += amount;
                            journal.record(from, to, amount);
                            return true;
                        } finally {
                            locks[to].unlock();
                        }
                    }
                } finally {
                    locks[from].unlock();
                }
            }
            Thread.onSpinWait(); // and try again, at once
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
