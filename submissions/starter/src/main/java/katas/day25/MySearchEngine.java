package katas.day25;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Day 25 — your solution. Read problems/day25-search-simulator/README.md first.
 *
 * <p>Ask every replica at once; keep each kind's first successful answer and
 * interrupt its losers; give up at the deadline; and on every way out,
 * interrupt what still runs and wait for it to end.
 */
public class MySearchEngine implements SearchEngine {

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("TODO day 25: fan out, first answer per kind, deadline, cancel all");
    }
}
