package katas.day18.solutions.busy_wait;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;

/**
 * Right results, but the caller waits for them by polling a non-blocking
 * queue in a loop, burning a CPU for as long as the slowest job takes.
 */
public final class SpinsForResults implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) {
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (Job job : jobs) {
                pool.execute(() -> {
                    try {
                        results.add(new Result.Ok(job.id(), job.work().call()));
                    } catch (Exception e) {
                        results.add(new Result.Err(job.id(), e));
                    }
                });
            }
            List<Result> all = new ArrayList<>();
            while (all.size() < jobs.size()) {
                Result r = results.poll();
                if (r != null) {
                    all.add(r);
                } else {
                    Thread.onSpinWait();
                }
            }
            return all;
        }
    }
}
