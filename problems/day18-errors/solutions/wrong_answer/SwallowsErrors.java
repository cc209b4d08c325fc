package katas.day18.solutions.wrong_answer;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;

/**
 * Catches the job's exception in the worker and only logs it: the pool keeps
 * going, but the error never reaches the caller (Go's `if err != nil { log }`
 * with no error channel).
 */
public final class SwallowsErrors implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) {
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (Job job : jobs) {
                pool.execute(() -> {
                    try {
                        results.add(new Result.Ok(job.id(), job.work().call()));
                    } catch (Exception e) {
                        System.err.println("job " + job.id() + " failed: " + e);
                    }
                });
            }
        }
        return List.copyOf(results);
    }
}
