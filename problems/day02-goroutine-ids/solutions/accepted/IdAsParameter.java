package katas.day02.solutions.accepted;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import katas.day02.Greeter;

/** The id is the lambda's own parameter, as in Go's {@code go func(id int) {...}(i)}; then join every thread. */
public final class IdAsParameter implements Greeter {
    @Override
    public void greet(int n, IntConsumer hello) throws InterruptedException {
        List<Thread> workers = IntStream.rangeClosed(1, n)
                .mapToObj(id -> Thread.ofPlatform().name("worker-" + id).start(() -> hello.accept(id)))
                .toList();
        for (Thread w : workers) {
            w.join();
        }
    }
}
