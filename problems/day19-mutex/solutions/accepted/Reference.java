package katas.day19.solutions.accepted;

import java.util.concurrent.locks.ReentrantLock;
import katas.day19.Bank;

/**
 * A lock per account, always taken in account order (lower number first),
 * so transfers in opposite directions cannot wait for each other in a
 * cycle; transfers between other accounts run in parallel. total() holds
 * every lock at once, in the same order, for a true snapshot.
 */
public final class Reference implements Bank {

    private long[] balances;
    private ReentrantLock[] locks;

    @Override
    public void open(int accounts, long initialBalance) {
        balances = new long[accounts];
        locks = new ReentrantLock[accounts];
        for (int i = 0; i < accounts; i++) {
            balances[i] = initialBalance;
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        ReentrantLock first = locks[Math.min(from, to)];
        ReentrantLock second = locks[Math.max(from, to)];
        first.lock();
        try {
            second.lock();
            try {
                if (balances[from] < amount) {
                    return false;
                }
                balances[from] -= amount;
                balances[to] += amount;
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

    @Override
    public long total() {
        int locked = 0;
        try {
            long sum = 0;
            for (; locked < locks.length; locked++) {
                locks[locked].lock();
            }
            for (long b : balances) {
                sum += b;
            }
            return sum;
        } finally {
            while (locked > 0) {
                locks[--locked].unlock();
            }
        }
    }
}
