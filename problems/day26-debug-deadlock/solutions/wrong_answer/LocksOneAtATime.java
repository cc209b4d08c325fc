package katas.day26.solutions.wrong_answer;

import java.util.concurrent.locks.ReentrantLock;
import katas.day26.Bank;
import katas.day26.Journal;

/**
 * "Never hold two locks" cures the deadlock by giving up atomicity: debits
 * under the source's lock, then credits and journals under the
 * destination's. Between the two, another transfer on the source runs, and
 * the journal is written while the source is no longer held.
 */
public final class LocksOneAtATime implements Bank {

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
        locks[from].lock();
        try {
            if (balances[from] < amount) {
                return false;
            }
            balances[from] -= amount;
        } finally {
            locks[from].unlock();
        }
        locks[to].lock();
        try {
            balances[to] += amount;
            journal.record(from, to, amount);
            return true;
        } finally {
            locks[to].unlock();
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
