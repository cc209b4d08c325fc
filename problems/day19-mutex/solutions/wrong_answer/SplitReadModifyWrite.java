package katas.day19.solutions.wrong_answer;

import katas.day19.Bank;

/**
 * Every access is under the lock, but a transfer reads the balances in one
 * synchronized block and writes them back in another: a transfer that runs
 * in between is overwritten (a lost update), and two transfers can both
 * pass the funds check. Only interleavings that fall in that short gap go
 * wrong.
 */
public final class SplitReadModifyWrite implements Bank {

    private long[] balances;

    @Override
    public void open(int accounts, long initialBalance) {
        balances = new long[accounts];
        java.util.Arrays.fill(balances, initialBalance);
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        long fromBalance;
        long toBalance;
        synchronized (this) {
            fromBalance = balances[from];
            toBalance = balances[to];
        }
        if (fromBalance < amount) {
            return false;
        }
        synchronized (this) {
            balances[from] = fromBalance - amount;
            balances[to] = toBalance + amount;
        }
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
