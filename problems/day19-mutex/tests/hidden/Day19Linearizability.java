package katas.day19.hidden;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import katas.day19.Bank;
import katas.support.Katas;
import katas.support.LincheckHost;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of the bank, checked by Lincheck's model checker (run by
 * the judge in a JVM of its own). Lincheck runs small concurrent scenarios
 * of transfers, balances and totals on a fresh bank of yours, explores their
 * thread interleavings systematically (switching threads at every shared
 * read, write and lock), and fails when some results cannot be explained by
 * any one-at-a-time order of the same calls on {@link SequentialBank}, the
 * judge's own single-threaded bank.
 *
 * <p>Three accounts of 2 and amounts of 1 to 3, so that refused transfers
 * are common and a race between a check and an update shows. Besides random
 * scenarios, two are always checked: two transfers out of the same account
 * at once (a check-then-act overdraws it), and a total during a transfer (a
 * total that is not one snapshot sees the money twice or not at all).
 */
public class Day19Linearizability {

    static final int ACCOUNTS = 3;
    static final long INITIAL = 2;

    @Test
    void operationsAreLinearizable() throws Throwable {
        LincheckHost.check(Bank.class, Day19Linearizability.class);
    }

    /** The check itself (also callable from a plain main, for timing). */
    public static void check() throws Exception {
        Method transfer = BankOperations.class.getMethod("transfer", int.class, int.class, int.class);
        Method total = BankOperations.class.getMethod("total");
        new ModelCheckingOptions()
                .iterations(6)
                .invocationsPerIteration(60)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1)
                .addCustomScenario(parallel(
                        List.of(actor(transfer, 0, 1, 2)),
                        List.of(actor(transfer, 0, 2, 2))))
                .addCustomScenario(parallel(
                        List.of(actor(transfer, 0, 1, 1), actor(transfer, 1, 2, 3)),
                        List.of(actor(total), actor(total))))
                .sequentialSpecification(SequentialBank.class)
                .check(BankOperations.class);
    }

    private static Actor actor(Method m, Object... args) {
        return new Actor(m, Arrays.asList(args), false, false, false, false, false);
    }

    private static ExecutionScenario parallel(List<Actor> first, List<Actor> second) {
        return new ExecutionScenario(List.of(), List.of(first, second), List.of(), null);
    }

    /** The operations Lincheck calls concurrently, on a fresh bank of yours each time. */
    @Param(name = "account", gen = IntGen.class, conf = "0:2")
    @Param(name = "amount", gen = IntGen.class, conf = "1:3")
    public static class BankOperations {
        private final Bank bank = Katas.load(Bank.class);

        public BankOperations() {
            bank.open(ACCOUNTS, INITIAL);
        }

        /** A transfer; from == to is not a transfer (the bank is never asked for one) and gives false. */
        @Operation
        public boolean transfer(@Param(name = "account") int from, @Param(name = "account") int to,
                                @Param(name = "amount") int amount) {
            return from != to && bank.transfer(from, to, amount);
        }

        @Operation
        public long balance(@Param(name = "account") int account) {
            return bank.balance(account);
        }

        @Operation
        public long total() {
            return bank.total();
        }
    }

    /** The specification: what a bank does when calls come one at a time. Written by the judge. */
    public static class SequentialBank {
        private final long[] balances = new long[ACCOUNTS];

        public SequentialBank() {
            Arrays.fill(balances, INITIAL);
        }

        public boolean transfer(int from, int to, int amount) {
            if (from == to || balances[from] < amount) {
                return false;
            }
            balances[from] -= amount;
            balances[to] += amount;
            return true;
        }

        public long balance(int account) {
            return balances[account];
        }

        public long total() {
            long sum = 0;
            for (long b : balances) {
                sum += b;
            }
            return sum;
        }
    }
}
