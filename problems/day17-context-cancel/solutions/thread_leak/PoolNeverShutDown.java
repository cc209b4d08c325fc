package katas.day17.solutions.thread_leak;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import katas.day17.CancellableWork;
import katas.day17.Job;
import katas.day17.Step;

/**
 * Cancels right (a token checked between steps, an interrupt for the step in
 * progress) and joins right, but runs the workers on a fixed pool that is
 * never shut down: once the workers have stopped, the pool's threads stay,
 * idle, forever.
 */
public final class PoolNeverShutDown implements CancellableWork {
    @Override
    public Job start(int workers, Step step) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicIntegerArray completed = new AtomicIntegerArray(workers);
        AtomicReferenceArray<Thread> running = new AtomicReferenceArray<>(workers);
        CountDownLatch stopped = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.execute(() -> {
                running.set(worker, Thread.currentThread());
                try {
                    for (int round = 0; !cancelled.get(); round++) {
                        step.run(worker, round);
                        completed.incrementAndGet(worker);
                    }
                } catch (InterruptedException e) {
                    // cancelled
                } finally {
                    stopped.countDown();
                }
            });
        }
        return new Job() {
            @Override
            public void cancel() {
                if (cancelled.compareAndSet(false, true)) {
                    for (int w = 0; w < workers; w++) {
                        Thread t = running.get(w);
                        if (t != null) {
                            t.interrupt();
                        }
                    }
                }
            }

            @Override
            public List<Integer> join() throws InterruptedException {
                stopped.await();
                return IntStream.range(0, workers).mapToObj(completed::get).toList();
            }
        };
    }
}
