package katas.day19;

/**
 * Day 19: shared memory protected by a mutex. A bank whose accounts many
 * threads use at once: every operation is atomic (linearizable), money is
 * never created or lost, and no account goes below zero.
 *
 * <p>{@link #open} is called once, by one thread, before the bank is shared;
 * every other method may then be called by any number of threads at once.
 * Accounts are numbered {@code 0 .. accounts - 1}; callers never pass another
 * number, never transfer from an account to itself, and never pass an amount
 * of zero or less.
 */
public interface Bank {

    /** Opens {@code accounts} accounts (1 or more), each holding {@code initialBalance} (0 or more). */
    void open(int accounts, long initialBalance);

    /**
     * Moves {@code amount} from account {@code from} to account {@code to}
     * if {@code from} holds at least {@code amount}, as one atomic step:
     * returns {@code true} when it did, {@code false} (and changes nothing)
     * when {@code from} holds less. Transfers in opposite directions at the
     * same time must not deadlock.
     */
    boolean transfer(int from, int to, long amount);

    /** The balance of one account. */
    long balance(int account);

    /**
     * The sum of all balances, as one atomic snapshot: never a state half
     * way through a transfer, so while only transfers run it is always the
     * same number.
     */
    long total();
}
