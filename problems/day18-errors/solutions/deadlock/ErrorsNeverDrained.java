package katas.day18.solutions.deadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;

/**
 * Go's `wg.Wait()` before reading `errCh`: values go to a list, errors to a
 * bounded error channel (room for one per worker), and the caller waits for
 * every job to finish before it drains the errors. With more failures than
 * room, the workers block on put() waiting for a reader, and the caller
 * waits for the workers: nobody moves again.
 */
public final class ErrorsNeverDrained implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) throws InterruptedException {
        List<Result> results = new ArrayList<>();
        BlockingQueue<Result> errors = new ArrayBlockingQueue<>(workers);
        CountDownLatch done = new CountDownLatch(jobs.size()); // the WaitGroup
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (Job job : jobs) {
                pool.execute(() -> {
                    try {
                        String value = job.work().call();
                        synchronized (results) {
                            results.add(new Result.Ok(job.id(), value));
                        }
                    } catch (Exception e) {
                        try {
                            errors.put(new Result.Err(job.id(), e));
                        } catch (InterruptedException stop) {
                            Thread.currentThread().interrupt();
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await(); // wg.Wait(): every job must end first, but nobody reads the errors yet
        }
        errors.drainTo(results);
        return results;
    }
}
