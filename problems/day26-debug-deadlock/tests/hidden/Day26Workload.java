package katas.day26.hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import katas.day26.Bank;
import katas.support.SpeedupWorkload;

/**
 * Four unrelated pairs of accounts (0-1, 2-3, 4-5, 6-7), two clients per
 * pair sending in opposite directions, 8 transfers each, 10 ms of journal per
 * transfer: 64 transfers, about 640 ms behind one bank-wide lock, about
 * 160 ms when unrelated pairs run side by side (ideal 4x).
 */
public final class Day26Workload implements SpeedupWorkload<Bank> {
    @Override
    public void run(Bank bank) throws Exception {
        Audit audit = new Audit(8, 10_000);
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
            long expected = account % 2 == 0 ? 1_000 - 8 + 16 : 1_000 - 16 + 8;
            if (bank.balance(account) != expected) {
                throw new AssertionError("account " + account + " holds " + bank.balance(account) + ", expected "
                        + expected);
            }
        }
        if (audit.records() != 64) {
            throw new AssertionError("64 transfers, " + audit.records() + " journal entries");
        }
    }

    private static Void send(Bank bank, int from, int to) throws InterruptedException {
        long amount = from % 2 == 0 ? 1 : 2;
        for (int i = 0; i < 8; i++) {
            if (!bank.transfer(from, to, amount)) {
                throw new AssertionError("transfer " + from + " -> " + to + " refused with money in the account");
            }
        }
        return null;
    }
}
