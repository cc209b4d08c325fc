package katas.day18;

import java.util.List;

/**
 * Day 18: errors in goroutines. A fixed number of workers run jobs, some of
 * which fail; every outcome, value or error, comes back with its job's id.
 */
public interface Workers {

    /**
     * Runs every job exactly once on {@code workers} workers: as many jobs at
     * once as there are workers (fewer only when fewer jobs are left), never
     * more. Returns one {@link Result} per job, in any order:
     * {@link Result.Ok} with the value it returned, or {@link Result.Err}
     * with the exception it threw, unwrapped.
     *
     * <p>A failing job does not stop the others: every job runs and is
     * reported, however many fail (collect all, not fail fast). Returns only
     * after every job has finished, and leaves no thread behind.
     *
     * @param jobs    the jobs, with distinct ids; possibly empty
     * @param workers how many jobs may run at once, 1 or more
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    List<Result> runAll(List<Job> jobs, int workers) throws InterruptedException;
}
