package katas.day17.solutions.busy_wait;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import katas.day17.CancellableWork;
import katas.day17.Job;
import katas.day17.Step;

/**
 * Cancels right, but join() polls a counter of running workers in a loop
 * instead of blocking: it burns a CPU for as long as the workers run.
 */
public final class SpinningJoin implements CancellableWork {
    @Override
    public Job start(int workers, Step step) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicIntegerArray completed = new AtomicIntegerArray(workers);
        AtomicInteger alive = new AtomicInteger(workers);
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads[w] = Thread.ofVirtual().start(() -> {
                try {
                    for (int round = 0; !cancelled.get(); round++) {
                        step.run(worker, round);
                        completed.incrementAndGet(worker);
                    }
                } catch (InterruptedException e) {
                    // cancelled
                } finally {
                    alive.decrementAndGet();
                }
            });
        }
        return new Job() {
            @Override
            public void cancel() {
                if (cancelled.compareAndSet(false, true)) {
                    for (Thread t : threads) {
                        t.interrupt();
                    }
                }
            }

            @Override
            public List<Integer> join() {
                while (alive.get() > 0) {
                    Thread.onSpinWait();
                }
                return IntStream.range(0, workers).mapToObj(completed::get).toList();
            }
        };
    }
}
