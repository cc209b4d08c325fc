package katas.day19;

/**
 * Day 19 — your solution. Read problems/day19-mutex/README.md first.
 *
 * <p>Protect the balances with a lock (one for the bank, or one per account
 * taken in a fixed order) so that every operation is one atomic step.
 */
public class MyBank implements Bank {

    @Override
    public void open(int accounts, long initialBalance) {
        throw new UnsupportedOperationException("TODO day 19: create the accounts");
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        throw new UnsupportedOperationException("TODO day 19: check and move the money in one locked step");
    }

    @Override
    public long balance(int account) {
        throw new UnsupportedOperationException("TODO day 19: read one balance under its lock");
    }

    @Override
    public long total() {
        throw new UnsupportedOperationException("TODO day 19: add up every balance as one snapshot");
    }
}
