package katas.day16;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Day 16 — your solution. Read problems/day16-goroutine-leaks/README.md first.
 *
 * <p>Ask every backend at once, return the first successful answer, and
 * cancel (interrupt) the losers so that no thread outlives the query.
 */
public class MyFirstResponse implements FirstResponse {

    @Override
    public String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException(
                "TODO day 16: take the first success, then interrupt every backend still running");
    }
}
