package katas.day12.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/**
 * The trap the statement leads with: 5 workers claim job numbers with
 * {@code int i = next++} on a {@code volatile} field. Volatile makes each
 * read and each write visible, but {@code next++} is still a read and a
 * write: two workers can read the same number, both run that job, and one
 * update is lost. On the natural schedule this almost never shows with tiny
 * jobs (0 lost updates in 200 rounds of 200 jobs); the judge explores
 * schedules for this kata, so it shows.
 */
public final class VolatileCounter implements WorkerPool {

    private volatile int next;

    @Override
    public void process(int jobs, IntConsumer job) throws InterruptedException {
        next = 0;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(Thread.ofPlatform().name("pool-worker-" + w).start(() -> {
                for (int i = next++; i < jobs; i = next++) {
                    job.accept(i);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
