package katas.day26.solutions.accepted;

import katas.day26.Bank;
import katas.day26.Journal;

/**
 * The same fix with monitors: nested {@code synchronized} blocks on the two
 * accounts, entered in account-number order whatever the direction.
 */
public final class OrderedMonitors implements Bank {

    private static final class Account {
        final int id;
        long balance;

        Account(int id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    private Account[] accounts;
    private Journal journal;

    @Override
    public void open(int n, long initialBalance, Journal journal) {
        accounts = new Account[n];
        for (int i = 0; i < n; i++) {
            accounts[i] = new Account(i, initialBalance);
        }
        this.journal = journal;
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (from == to || amount <= 0) {
            throw new IllegalArgumentException("transfer from " + from + " to " + to + " of " + amount);
        }
        Account a = accounts[from];
        Account b = accounts[to];
        Account first = a.id < b.id ? a : b;
        Account second = first == a ? b : a;
        synchronized (first) {
            synchronized (second) {
                if (a.balance < amount) {
                    return false;
                }
                a.balance -= amount;
                b.balance += amount;
                journal.record(from, to, amount);
                return true;
            }
        }
    }

    @Override
    public long balance(int account) {
        Account a = accounts[account];
        synchronized (a) {
            return a.balance;
        }
    }
}
