import java.util.ArrayList;
import java.util.List;

/**
 * Day 26's demo: a program that hangs. Two accounts, two clerks, one moving
 * money from Alice to Bob, the other from Bob to Alice. Run it under the
 * judge to see why (README.md of day 26, "Watch it deadlock"):
 *
 * <pre>
 *   problems/day26-debug-deadlock/demo/run.sh
 * </pre>
 */
public class Transfers {

    static final class Account {
        final String owner;
        long balance;

        Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }
    }

    /** Locks the account the money leaves, then the one it goes to. */
    static void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            audit(from, to, amount); // writing the audit line takes a moment...
            synchronized (to) {
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }

    static void audit(Account from, Account to, long amount) {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account alice = new Account("alice", 1_000);
        Account bob = new Account("bob", 1_000);
        List<Thread> clerks = new ArrayList<>();
        clerks.add(Thread.ofPlatform().name("clerk alice->bob").start(() -> {
            for (int i = 0; i < 100; i++) {
                transfer(alice, bob, 1);
            }
        }));
        clerks.add(Thread.ofPlatform().name("clerk bob->alice").start(() -> {
            for (int i = 0; i < 100; i++) {
                transfer(bob, alice, 1);
            }
        }));
        System.out.println("two clerks at work...");
        for (Thread clerk : clerks) {
            clerk.join();
        }
        System.out.println("done: alice " + alice.balance + ", bob " + bob.balance); // never printed
    }
}
