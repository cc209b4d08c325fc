package katas.day18.solutions.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;

/**
 * Go's shape: a fixed pool of workers, each job turned into a Result that
 * never throws (the error is a value), sent on a results channel the caller
 * drains, one receive per job. The channel is unbounded, so no worker ever
 * waits on it, and the caller reads while the workers run.
 */
public final class Reference implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) throws InterruptedException {
        BlockingQueue<Result> results = new LinkedBlockingQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofVirtual().name("worker-", 0).factory())) {
            for (Job job : jobs) {
                pool.execute(() -> results.add(outcome(job)));
            }
            List<Result> all = new ArrayList<>(jobs.size());
            for (int i = 0; i < jobs.size(); i++) {
                all.add(results.take());
            }
            return all;
        }
    }

    private static Result outcome(Job job) {
        try {
            return new Result.Ok(job.id(), job.work().call());
        } catch (Exception e) {
            return new Result.Err(job.id(), e);
        }
    }
}
