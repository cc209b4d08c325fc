package katas.day29.solutions.wrong_answer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import katas.day29.LogAggregator;
import katas.day29.LogSink;

/**
 * Rate-limits in the wrong place: each producer pauses 1/rate after each
 * line, and the writer writes as fast as lines come. One producer respects
 * the rate; two producers together log, and get written, at twice the rate.
 */
public final class RateLimitedProducers implements LogAggregator {

    private record Line(int producer, String text) {}

    private static final Line END = new Line(-1, null);

    private BlockingQueue<Line> queue;
    private LogSink sink;
    private long intervalNanos;
    private Thread writer;
    private volatile boolean closed;

    @Override
    public void start(int capacity, int linesPerSecond, LogSink sink) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / linesPerSecond;
        this.writer = Thread.ofPlatform().name("log-writer").start(this::writeAll);
    }

    private void writeAll() {
        try {
            while (true) {
                Line line = queue.take();
                if (line == END) {
                    return;
                }
                sink.write(line.producer(), line.text());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void log(int producerId, String line) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the aggregator is closed");
        }
        queue.put(new Line(producerId, line));
        TimeUnit.NANOSECONDS.sleep(intervalNanos); // "one line per interval" -- per producer
    }

    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        queue.put(END);
        writer.join();
    }
}
