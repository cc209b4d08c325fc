package katas.day14.solutions.slow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day14.BoundedRunner;

/**
 * Runs the tasks in groups of three and waits for the whole group before the
 * next: never more than three, but one slow task keeps two slots idle.
 */
public final class Batches implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
        for (int from = 0; from < tasks.size(); from += LIMIT) {
            List<Thread> group = new ArrayList<>();
            for (Runnable task : tasks.subList(from, Math.min(from + LIMIT, tasks.size()))) {
                group.add(Thread.ofVirtual().start(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (Thread t : group) {
                t.join();
            }
        }
        return failures.get();
    }
}
