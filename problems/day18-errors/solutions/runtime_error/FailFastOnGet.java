package katas.day18.solutions.runtime_error;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;

/**
 * invokeAll, then Future.get() on each, letting the first ExecutionException
 * escape: the caller gets one exception instead of every result, and the
 * values of the good jobs are thrown away with it.
 */
public final class FailFastOnGet implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Callable<String>> work = jobs.stream().map(Job::work).toList();
            List<Future<String>> futures = pool.invokeAll(work);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                try {
                    results.add(new Result.Ok(jobs.get(i).id(), futures.get(i).get()));
                } catch (ExecutionException e) {
                    throw new IllegalStateException("job " + jobs.get(i).id() + " failed", e);
                }
            }
            return results;
        }
    }
}
