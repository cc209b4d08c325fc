package katas.day05.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day05.WaitAll;

/** Go's beginner fix, time.Sleep instead of a WaitGroup: guesses the tasks take under 100 ms, and returns then. */
public final class SleepsInsteadOfWaiting implements WaitAll {
    @Override
    public int runAll(List<Runnable> tasks) throws InterruptedException {
        AtomicInteger failed = new AtomicInteger();
        for (Runnable task : tasks) {
            Thread.ofVirtual().start(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            });
        }
        Thread.sleep(100);
        return failed.get();
    }
}
