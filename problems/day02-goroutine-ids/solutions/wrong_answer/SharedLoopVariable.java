package katas.day02.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import katas.day02.Greeter;

/**
 * Go's loop-variable trap, rebuilt in Java: the compiler refused the mutable
 * loop variable in the lambda, so it went into a one-element array that every
 * worker shares. Each worker reads the id when it runs, not when it was
 * started: ids are repeated, others never greeted, some are n + 1.
 */
public final class SharedLoopVariable implements Greeter {
    @Override
    public void greet(int n, IntConsumer hello) throws InterruptedException {
        int[] i = {0};
        List<Thread> workers = new ArrayList<>();
        for (i[0] = 1; i[0] <= n; i[0]++) {
            workers.add(Thread.ofVirtual().start(() -> hello.accept(i[0])));
        }
        for (Thread w : workers) {
            w.join();
        }
    }
}
