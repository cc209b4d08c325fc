package katas.day19.solutions.accepted;

import katas.day19.Bank;

/**
 * Go's struct with a sync.Mutex, in Java: every method synchronized on the
 * bank. Simple and right; transfers between unrelated accounts wait for
 * each other, which only matters when transfers are slow. Since JDK 24 a
 * virtual thread waiting for a monitor no longer pins its carrier.
 */
public final class OneLock implements Bank {

    private long[] balances;

    @Override
    public synchronized void open(int accounts, long initialBalance) {
        balances = new long[accounts];
        java.util.Arrays.fill(balances, initialBalance);
    }

    @Override
    public synchronized boolean transfer(int from, int to, long amount) {
        if (balances[from] < amount) {
            return false;
        }
        balances[from] -= amount;
        balances[to] += amount;
        return true;
    }

    @Override
    public synchronized long balance(int account) {
        return balances[account];
    }

    @Override
    public synchronized long total() {
        long sum = 0;
        for (long b : balances) {
            sum += b;
        }
        return sum;
    }
}
