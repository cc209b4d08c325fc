package katas.day02.solutions.thread_leak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import katas.day02.Greeter;

/** Right ids, waits for every greeting, but never shuts its cached pool down: idle workers linger for 60 s. */
public final class CachedPoolNeverShutDown implements Greeter {
    @Override
    public void greet(int n, IntConsumer hello) throws InterruptedException {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Future<?>> greetings = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int id = i;
            greetings.add(pool.submit(() -> hello.accept(id)));
        }
        for (Future<?> g : greetings) {
            try {
                g.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
