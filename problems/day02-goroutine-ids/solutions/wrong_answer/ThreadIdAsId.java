package katas.day02.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import katas.day02.Greeter;

/** Greets with the JVM's thread id instead of the worker's number: Java has no goroutine id 1..n to read. */
public final class ThreadIdAsId implements Greeter {
    @Override
    public void greet(int n, IntConsumer hello) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            workers.add(Thread.ofVirtual().start(() -> hello.accept((int) Thread.currentThread().threadId())));
        }
        for (Thread w : workers) {
            w.join();
        }
    }
}
