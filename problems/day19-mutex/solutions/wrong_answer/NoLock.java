package katas.day19.solutions.wrong_answer;

import katas.day19.Bank;

/**
 * No lock at all: balances[from] -= amount is a read, a subtraction and a
 * write, and two threads doing it at once lose one of the updates.
 */
public final class NoLock implements Bank {

    private long[] balances;

    @Override
    public void open(int accounts, long initialBalance) {
        balances = new long[accounts];
        java.util.Arrays.fill(balances, initialBalance);
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (balances[from] < amount) {
            return false;
        }
        balances[from] -= amount;
        balances[to] += amount;
        return true;
    }

    @Override
    public long balance(int account) {
        return balances[account];
    }

    @Override
    public long total() {
        long sum = 0;
        for (long b : balances) {
            sum += b;
        }
        return sum;
    }
}
