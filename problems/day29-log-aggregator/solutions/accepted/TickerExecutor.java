package katas.day29.solutions.accepted;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import katas.day29.LogAggregator;
import katas.day29.LogSink;

/**
 * Go's time.Ticker as a single-thread scheduled executor: every interval
 * (counted from the end of the previous tick, so ticks never bunch up) the
 * writer polls at most one line. Between ticks it sleeps in the executor's
 * delay queue. On close, the tick that finds the queue empty ends it all.
 */
public final class TickerExecutor implements LogAggregator {

    private record Line(int producer, String text) {}

    private BlockingQueue<Line> queue;
    private LogSink sink;
    private ScheduledExecutorService ticker;
    private final CountDownLatch drained = new CountDownLatch(1);
    private volatile boolean closed;

    @Override
    public void start(int capacity, int linesPerSecond, LogSink sink) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.sink = sink;
        long interval = TimeUnit.SECONDS.toNanos(1) / linesPerSecond;
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("log-ticker").factory());
        ticker.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        boolean closing = closed; // read before polling: a line queued before close is seen by this poll
        Line line = queue.poll();
        if (line != null) {
            sink.write(line.producer(), line.text());
        } else if (closing) {
            drained.countDown();
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
        drained.await();
        ticker.shutdown();
        ticker.awaitTermination(1, TimeUnit.MINUTES);
    }
}
