package katas.day18.solutions.deadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;

/**
 * Hand-made workers that take jobs from a queue, but a job's exception
 * escapes the worker's loop and ends the worker: once every worker has met
 * a failure, the jobs left are never run, and the caller waits forever for
 * results that will never come.
 */
public final class WorkerDiesOnError implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) throws InterruptedException {
        ConcurrentLinkedQueue<Job> todo = new ConcurrentLinkedQueue<>(jobs);
        BlockingQueue<Result> results = new LinkedBlockingQueue<>();
        for (int w = 0; w < workers; w++) {
            Thread.ofVirtual().name("worker-" + w).start(() -> {
                for (Job job; (job = todo.poll()) != null; ) {
                    try {
                        results.add(new Result.Ok(job.id(), job.work().call()));
                    } catch (Exception e) {
                        throw new RuntimeException("job " + job.id() + " failed", e); // the worker dies here
                    }
                }
            });
        }
        List<Result> all = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            all.add(results.take());
        }
        return all;
    }
}
