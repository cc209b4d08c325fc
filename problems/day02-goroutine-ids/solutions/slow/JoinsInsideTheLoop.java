package katas.day02.solutions.slow;

import java.util.function.IntConsumer;
import katas.day02.Greeter;

/** A thread per worker, but joined right after it starts: the next worker waits for the last, one at a time. */
public final class JoinsInsideTheLoop implements Greeter {
    @Override
    public void greet(int n, IntConsumer hello) throws InterruptedException {
        for (int i = 1; i <= n; i++) {
            int id = i;
            Thread worker = Thread.ofVirtual().start(() -> hello.accept(id));
            worker.join();
        }
    }
}
