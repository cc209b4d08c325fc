package katas.day18;

import java.util.List;

/**
 * Day 18 — your solution. Read problems/day18-errors/README.md first.
 *
 * <p>Run the jobs on a fixed number of workers and bring back every outcome,
 * values and errors alike, each with its job's id: a failing job must not
 * stop the others, and no error may be lost.
 */
public class MyWorkers implements Workers {

    @Override
    public List<Result> runAll(List<Job> jobs, int workers) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 18: run the jobs on `workers` threads, report every Ok and Err");
    }
}
