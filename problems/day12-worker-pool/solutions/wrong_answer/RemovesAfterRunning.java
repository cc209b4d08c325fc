package katas.day12.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/**
 * A racy hand-out: each worker peeks at the next job, runs it, and only then
 * removes it from the queue. The queue is thread-safe, but peek-then-poll is
 * two steps: every worker that peeks meanwhile runs the same job, and each
 * poll then throws away a job nobody ran.
 */
public final class RemovesAfterRunning implements WorkerPool {
    @Override
    public void process(int jobs, IntConsumer job) throws InterruptedException {
        Queue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < jobs; i++) {
            queue.add(i);
        }
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (Integer next = queue.peek(); next != null; next = queue.peek()) {
                    job.accept(next);
                    queue.poll(); // "done: take it off the queue"
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
