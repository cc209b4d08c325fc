package katas.day18.solutions.thread_leak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;

/** Right results, but a fixed pool per call that is never shut down: its idle workers outlive every call. */
public final class PoolNeverShutDown implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<String>> futures = new ArrayList<>();
        for (Job job : jobs) {
            futures.add(pool.submit(job.work()));
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            try {
                results.add(new Result.Ok(jobs.get(i).id(), futures.get(i).get()));
            } catch (ExecutionException e) {
                results.add(new Result.Err(jobs.get(i).id(), e.getCause()));
            }
        }
        return results;
    }
}
