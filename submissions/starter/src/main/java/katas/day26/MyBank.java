package katas.day26;

/**
 * Day 26 — your solution. Read problems/day26-debug-deadlock/README.md first,
 * and run problems/day26-debug-deadlock/demo/run.sh to watch the original
 * program deadlock.
 *
 * <p>Lock both accounts of a transfer, in an order that cannot form a cycle.
 */
public class MyBank implements Bank {

    @Override
    public void open(int accounts, long initialBalance, Journal journal) {
        throw new UnsupportedOperationException("TODO day 26: open the accounts, one lock each");
    }

    @Override
    public boolean transfer(int from, int to, long amount) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 26: lock both accounts in one global order, then move the money");
    }

    @Override
    public long balance(int account) {
        throw new UnsupportedOperationException("TODO day 26: read the balance under the account's lock");
    }
}
