package katas.day19.solutions.wrong_answer;

import java.util.concurrent.ConcurrentHashMap;
import katas.day19.Bank;

/**
 * Trusts a ConcurrentHashMap to be the lock: every step (the check, the
 * debit, the credit) is atomic on its own, the transfer is not. Two
 * transfers can pass the same check and overdraw the account, and a total
 * taken between the debit and the credit misses the money in flight.
 */
public final class EachStepAtomic implements Bank {

    private final ConcurrentHashMap<Integer, Long> balances = new ConcurrentHashMap<>();

    @Override
    public void open(int accounts, long initialBalance) {
        for (int i = 0; i < accounts; i++) {
            balances.put(i, initialBalance);
        }
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (balances.get(from) < amount) {
            return false;
        }
        balances.merge(from, -amount, Long::sum);
        balances.merge(to, amount, Long::sum);
        return true;
    }

    @Override
    public long balance(int account) {
        return balances.get(account);
    }

    @Override
    public long total() {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }
}
