package katas.day29.solutions.thread_leak;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import katas.day29.LogAggregator;
import katas.day29.LogSink;

/**
 * close() waits until every queued line has been written (checking every
 * 5 ms), then returns, and forgets the writer: it stays blocked in take()
 * forever, on a queue nobody will fill again.
 */
public final class WriterNeverStopped implements LogAggregator {

    private record Line(int producer, String text) {}

    private BlockingQueue<Line> queue;
    private LogSink sink;
    private long intervalNanos;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closed;

    @Override
    public void start(int capacity, int linesPerSecond, LogSink sink) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / linesPerSecond;
        Thread.ofPlatform().name("log-writer").start(this::writeAll);
    }

    private void writeAll() {
        long next = System.nanoTime();
        try {
            while (true) {
                Line line = queue.take();
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sink.write(line.producer(), line.text());
                written.incrementAndGet();
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
        queued.incrementAndGet();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        while (written.get() < queued.get()) {
            Thread.sleep(5);
        }
    }
}
