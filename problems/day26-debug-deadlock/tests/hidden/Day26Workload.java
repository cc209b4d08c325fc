package katas.day26.hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import katas.day26.Bank;
import katas.support.SpeedupWorkload;

/**
 * Four unrelated pairs of accounts (0-1, 2-3, 4-5, 6-7), two clients per
 * pair sending in opposite directions, 6 transfers each, 8 ms of journal per
 * transfer: 48 transfers, about 384 ms behind one bank-wide lock, about
 * 96 ms when unrelated pairs run side by side (ideal 4x).
 */
public final class Day26Workload implements SpeedupWorkload<Bank> {
    @Override
    public void run(Bank bank) throws Exception {
        Audit audit = new Audit(8, 8_000);
        bank.open(8, 1_000, audit);
        List<Callable<Void>> clients = new ArrayList<>();
        for (int pair = 0; pair < 4; pair++) {
            int a = 2 * pair;
            int b = a + 1;
            clients.add(() -> send(bank, a, b));
            clients.add(() -> send(bank, b, a));
        }
        Audit.together(clients);
        for (int account = 0; account < 8; account++) {
            long expected = account % 2 == 0 ? 1_000 - 6 + 12 : 1_000 - 12 + 6;
            if (bank.balance(account) != expected) {
                throw new AssertionError("account " + account + " holds " + bank.balance(account) + ", expected "
                        + expected);
            }
        }
        if (audit.records() != 48) {
            throw new AssertionError("48 transfers, " + audit.records() + " journal entries");
        }
    }

    private static Void send(Bank bank, int from, int to) throws InterruptedException {
        long amount = from % 2 == 0 ? 1 : 2;
        for (int i = 0; i < 6; i++) {
            if (!bank.transfer(from, to, amount)) {
                throw new AssertionError("transfer " + from + " -> " + to + " refused with money in the account");
            }
        }
        return null;
    }
}
