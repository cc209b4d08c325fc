package katas.day17.solutions.deadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import katas.day17.CancellableWork;
import katas.day17.Job;
import katas.day17.Step;

/**
 * Signals cancellation by <em>sending</em> a stop message to a supervisor
 * (Go's {@code done <- struct{}{}} where {@code close(done)} was meant). The
 * supervisor receives once and interrupts the workers; a second cancel()
 * sends to nobody and blocks forever.
 */
public final class StopSentOnce implements CancellableWork {

    private static final Object STOP = new Object();

    @Override
    public Job start(int workers, Step step) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicIntegerArray completed = new AtomicIntegerArray(workers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int round = 0; !cancelled.get(); round++) {
                        step.run(worker, round);
                        completed.incrementAndGet(worker);
                    }
                } catch (InterruptedException e) {
                    // cancelled
                }
            }));
        }
        SynchronousQueue<Object> stop = new SynchronousQueue<>();
        Thread supervisor = Thread.ofVirtual().start(() -> {
            try {
                stop.take();
                cancelled.set(true);
                threads.forEach(Thread::interrupt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return new Job() {
            @Override
            public void cancel() {
                try {
                    stop.put(STOP);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public List<Integer> join() throws InterruptedException {
                supervisor.join();
                for (Thread t : threads) {
                    t.join();
                }
                return IntStream.range(0, workers).mapToObj(completed::get).toList();
            }
        };
    }
}
