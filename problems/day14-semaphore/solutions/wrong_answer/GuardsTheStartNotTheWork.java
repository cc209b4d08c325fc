package katas.day14.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day14.BoundedRunner;

/**
 * The permit is on the wrong side: it is held while a thread is started and
 * given back at once, so it bounds nothing and every task runs at the same time.
 */
public final class GuardsTheStartNotTheWork implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) throws InterruptedException {
        Semaphore slots = new Semaphore(LIMIT);
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (Runnable task : tasks) {
            slots.acquire();
            try {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }));
            } finally {
                slots.release();
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        return failures.get();
    }
}
