package katas.day29.solutions.wrong_answer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import katas.day29.LogAggregator;
import katas.day29.LogSink;

/**
 * "Two writers drain the queue faster": they share the rate limit, but two
 * threads now write, and two consecutive lines of one producer, taken by
 * different writers, can come out in either order.
 */
public final class TwoWriters implements LogAggregator {

    private record Line(int producer, String text) {}

    private static final Line END = new Line(-1, null);

    private BlockingQueue<Line> queue;
    private LogSink sink;
    private long intervalNanos;
    private long next;
    private final Thread[] writers = new Thread[2];
    private volatile boolean closed;

    @Override
    public void start(int capacity, int linesPerSecond, LogSink sink) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / linesPerSecond;
        this.next = System.nanoTime();
        for (int i = 0; i < writers.length; i++) {
            writers[i] = Thread.ofPlatform().name("log-writer-" + i).start(this::writeAll);
        }
    }

    /** Reserves the next write slot: the writers share one rate. */
    private synchronized long slot() {
        long mine = Math.max(next, System.nanoTime());
        next = mine + intervalNanos;
        return mine;
    }

    private void writeAll() {
        try {
            while (true) {
                Line line = queue.take();
                if (line == END) {
                    return;
                }
                long at = slot();
                for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(wait);
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
    }

    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        for (Thread w : writers) {
            queue.put(END);
        }
        for (Thread w : writers) {
            w.join();
        }
    }
}
