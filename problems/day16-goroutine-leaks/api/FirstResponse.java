package katas.day16;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Day 16: goroutine leaks. Ask several backends at once, keep the first
 * answer, and leave nothing running behind you.
 */
public interface FirstResponse {

    /**
     * Asks every backend at the same time and returns the first successful
     * answer, as soon as it arrives. A backend that throws does not win; if
     * every backend throws, throws an {@link ExecutionException} whose cause
     * is one of their exceptions.
     *
     * <p>When this method returns or throws, the losers are cancelled: every
     * backend still running is interrupted (backends stop promptly when
     * interrupted, by throwing {@link InterruptedException}), and no thread
     * started for the query is left alive, blocked or running, shortly after.
     *
     * @param backends the replicas to ask, at least one; each call blocks for a while
     * @return the first successful answer
     * @throws ExecutionException   if every backend failed
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException;
}
