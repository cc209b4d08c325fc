package katas.day18.solutions.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;

/**
 * The Java way with Futures: submit every job to a fixed pool, then ask
 * each Future in turn. get() rethrows the job's exception wrapped in an
 * ExecutionException: catch it per job and report its cause, so one failure
 * stops nothing.
 */
public final class FuturesUnwrapped implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<String>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(job.work()));
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                int id = jobs.get(i).id();
                try {
                    results.add(new Result.Ok(id, futures.get(i).get()));
                } catch (ExecutionException e) {
                    results.add(new Result.Err(id, e.getCause()));
                }
            }
            return results;
        }
    }
}
