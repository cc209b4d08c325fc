package katas.day29;

/**
 * Day 29: a log aggregator. Many producer threads log lines; one writer
 * thread writes them to a sink, at most {@code linesPerSecond}, through a
 * bounded queue that makes producers wait when the writer falls behind.
 */
public interface LogAggregator extends AutoCloseable {

    /**
     * Starts the aggregator: a queue of at most {@code capacity} lines and
     * one writer thread that takes lines from it, oldest first, and writes
     * each to {@code sink}, never two writes less than
     * {@code 1 / linesPerSecond} seconds apart. Called once, before anything else.
     *
     * @param capacity       how many lines may wait in the queue, at least 1
     * @param linesPerSecond the highest write rate, at least 1
     * @param sink           where lines are written; only the writer thread calls it
     */
    void start(int capacity, int linesPerSecond, LogSink sink);

    /**
     * Queues one line, from any thread. Blocks while the queue is full
     * (back-pressure), until the writer has made room.
     *
     * @throws IllegalStateException if the aggregator is closed
     * @throws InterruptedException  if the producer is interrupted while it waits for room
     */
    void log(int producerId, String line) throws InterruptedException;

    /**
     * Stops accepting lines, lets the writer write every line still queued
     * (at the same rate), stops the writer, and returns when it has ended.
     * Called once every {@link #log} call has returned (as in Go, a channel is
     * closed by its sender, after its last send). Idempotent.
     */
    @Override
    void close() throws InterruptedException;
}
