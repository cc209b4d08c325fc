package katas.day18;

import java.util.concurrent.Callable;

/**
 * One job: an id (distinct among the jobs of one call) and the work, which
 * returns a value or throws.
 */
public record Job(int id, Callable<String> work) {}
