package katas.day02.solutions.busy_wait;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import katas.day02.Greeter;

/** Right ids, all at once, but waits by polling {@code isAlive()} in a loop instead of {@code join()}. */
public final class PollsIsAlive implements Greeter {
    @Override
    public void greet(int n, IntConsumer hello) {
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int id = i;
            workers.add(Thread.ofVirtual().start(() -> hello.accept(id)));
        }
        for (Thread w : workers) {
            while (w.isAlive()) {
                Thread.onSpinWait();
            }
        }
    }
}
