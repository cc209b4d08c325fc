package katas.day29;

/**
 * Day 29 — your solution. Read problems/day29-log-aggregator/README.md first.
 *
 * <p>A bounded queue between the producers and one writer thread that paces
 * its writes; close() drains, then stops the writer.
 */
public class MyLogAggregator implements LogAggregator {

    @Override
    public void start(int capacity, int linesPerSecond, LogSink sink) {
        throw new UnsupportedOperationException("TODO day 29: a bounded queue and one writer thread");
    }

    @Override
    public void log(int producerId, String line) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 29: put the line in the queue (blocks when full)");
    }

    @Override
    public void close() throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 29: let the writer drain the queue, then stop it");
    }
}
