package katas.day05.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day05.WaitAll;

/**
 * Go's {@code wg.Add(1)} inside the goroutine, with a Phaser: each task
 * registers itself once its thread runs, so the caller may arrive (and stop
 * waiting) before the late ones have registered.
 */
public final class RegistersInsideTheTask implements WaitAll {
    @Override
    public int runAll(List<Runnable> tasks) {
        Phaser group = new Phaser(1); // the caller
        AtomicInteger failed = new AtomicInteger();
        for (Runnable task : tasks) {
            Thread.ofVirtual().start(() -> {
                group.register();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                } finally {
                    group.arriveAndDeregister();
                }
            });
        }
        group.arriveAndAwaitAdvance();
        return failed.get();
    }
}
