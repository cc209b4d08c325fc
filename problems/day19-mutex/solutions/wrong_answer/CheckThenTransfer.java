package katas.day19.solutions.wrong_answer;

import katas.day19.Bank;

/**
 * Checks the funds under the lock, then moves them under the lock again:
 * between the two, another transfer from the same account can pass the same
 * check, and the account is overdrawn. Totals stay exact, so stress tests
 * on totals never see it; a model checker finds the interleaving at once.
 */
public final class CheckThenTransfer implements Bank {

    private long[] balances;

    @Override
    public void open(int accounts, long initialBalance) {
        balances = new long[accounts];
        java.util.Arrays.fill(balances, initialBalance);
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (balance(from) < amount) {
            return false;
        }
        synchronized (this) {
            balances[from] -= amount;
            balances[to] += amount;
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
