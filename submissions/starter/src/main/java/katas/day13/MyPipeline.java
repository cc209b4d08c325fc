package katas.day13;

import java.util.Iterator;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Day 13 — your solution. Read problems/day13-pipeline/README.md first.
 *
 * <p>Three stages, a thread each, queues between them: gen reads the source,
 * square squares, sink hands on. Send an end-of-stream marker (not an int!)
 * behind the last value, and return once every stage has ended.
 */
public class MyPipeline implements Pipeline {

    @Override
    public void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink)
            throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 13: connect gen -> square -> sink with queues, one thread each");
    }
}
