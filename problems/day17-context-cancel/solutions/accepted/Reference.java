package katas.day17.solutions.accepted;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import katas.day17.CancellableWork;
import katas.day17.Job;
import katas.day17.Step;

/**
 * A virtual thread per worker; the executor is the context. {@code
 * shutdownNow()} interrupts every worker (and is idempotent), a worker ends
 * on the interrupt, and {@code awaitTermination} waits until all have ended.
 */
public final class Reference implements CancellableWork {
    @Override
    public Job start(int workers, Step step) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        AtomicIntegerArray completed = new AtomicIntegerArray(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            executor.execute(() -> {
                try {
                    for (int round = 0; !Thread.currentThread().isInterrupted(); round++) {
                        step.run(worker, round);
                        completed.incrementAndGet(worker);
                    }
                } catch (InterruptedException e) {
                    // cancelled: the interrupt is ctx.Done(), and this worker ends here
                }
            });
        }
        return new Job() {
            @Override
            public void cancel() {
                executor.shutdownNow();
            }

            @Override
            public List<Integer> join() throws InterruptedException {
                executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                return IntStream.range(0, workers).mapToObj(completed::get).toList();
            }
        };
    }
}
