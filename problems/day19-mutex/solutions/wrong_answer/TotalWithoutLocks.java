package katas.day19.solutions.wrong_answer;

import katas.day19.Bank;

/**
 * Transfers are right (a lock per account, taken in order), but total()
 * adds up the balances one lock at a time: a transfer that runs between two
 * reads is seen half done, and the total counts its money twice or not at all.
 */
public final class TotalWithoutLocks implements Bank {

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
        synchronized (locks[Math.min(from, to)]) {
            synchronized (locks[Math.max(from, to)]) {
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
        long sum = 0;
        for (int i = 0; i < balances.length; i++) {
            sum += balance(i);
        }
        return sum;
    }
}
