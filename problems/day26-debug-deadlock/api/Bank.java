package katas.day26;

/**
 * Day 26: debugging a deadlock. A bank whose transfers lock both accounts,
 * in both directions at once, from many threads, and never deadlock.
 *
 * <p>Accounts are numbered {@code 0 .. accounts-1}. Each account has a
 * balance that never goes below zero. Transfers between different pairs of
 * accounts must be able to run at the same time (no lock around the whole
 * bank), and a transfer waits for the accounts it needs by blocking, never by
 * spinning.
 */
public interface Bank {

    /**
     * Opens the accounts. Called once, before any other method.
     *
     * @param accounts       how many accounts, at least 2
     * @param initialBalance every account's starting balance, 0 or more
     * @param journal        the audit journal: {@link Journal#record} is called once
     *                       for every successful transfer
     */
    void open(int accounts, long initialBalance, Journal journal);

    /**
     * Moves {@code amount} from account {@code from} to account {@code to},
     * atomically: no other transfer touching either account runs between the
     * debit and the credit. If {@code from} holds less than {@code amount},
     * nothing changes and the result is {@code false}. On success the bank
     * calls {@code journal.record(from, to, amount)} while it still holds both
     * accounts (so the journal's order is the order of the balances), then
     * returns {@code true}.
     *
     * <p>May be called by any number of threads at once, with any pairs, in
     * both directions: it must never deadlock.
     *
     * @throws IllegalArgumentException if {@code from == to} or {@code amount <= 0}
     * @throws InterruptedException     if the thread is interrupted while it waits for an account
     *                                  (implementations that wait uninterruptibly need not throw it)
     */
    boolean transfer(int from, int to, long amount) throws InterruptedException;

    /** The current balance of {@code account}. */
    long balance(int account);
}
