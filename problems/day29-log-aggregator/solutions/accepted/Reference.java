package katas.day29.solutions.accepted;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import katas.day29.LogAggregator;
import katas.day29.LogSink;

/**
 * A bounded ArrayBlockingQueue (put blocks when full: back-pressure) and one
 * writer thread that takes, waits out the interval since its previous write,
 * and writes. close() queues a poison pill behind the last line and joins the
 * writer, which drains everything before the pill.
 */
public final class Reference implements LogAggregator {

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
        long next = System.nanoTime();
        try {
            while (true) {
                Line line = queue.take();
                if (line == END) {
                    return;
                }
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sink.write(line.producer(), line.text());
                next = System.nanoTime() + intervalNanos;
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
