package katas.day12.solutions.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/**
 * A pool by hand: 5 threads claim job numbers from one atomic counter.
 * getAndIncrement() reads and advances in one step, so no two workers can
 * claim the same job; each worker leaves when the numbers run out.
 */
public final class SharedCounter implements WorkerPool {
    @Override
    public void process(int jobs, IntConsumer job) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(Thread.ofPlatform().name("pool-worker-" + w).start(() -> {
                for (int i = next.getAndIncrement(); i < jobs; i = next.getAndIncrement()) {
                    job.accept(i);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
