package katas.day02.solutions.accepted;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import katas.day02.Greeter;

/** A virtual thread per worker; each lambda captures its own copy of the id. */
public final class Reference implements Greeter {
    @Override
    public void greet(int n, IntConsumer hello) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= n; i++) {
                int id = i; // effectively final: this worker's own id, fixed now
                executor.submit(() -> hello.accept(id));
            }
        }
    }
}
