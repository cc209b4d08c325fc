package katas.day13;

import java.util.Iterator;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Day 13: pipelines. Three stages, each on its own thread, connected by
 * queues: gen reads values from a source, square squares them, and the sink
 * stage hands them on. An end-of-stream marker flows down the pipeline
 * behind the last value.
 */
public interface Pipeline {

    /**
     * Runs the pipeline {@code gen -> square -> sink} over every value of
     * {@code source}.
     *
     * <ul>
     *   <li><b>gen</b> takes the values from {@code source} ({@code hasNext}
     *       / {@code next}), in order, on a thread of its own;</li>
     *   <li><b>square</b> applies {@code square} to each value exactly once,
     *       on a thread of its own;</li>
     *   <li><b>sink</b> passes each squared value to {@code sink}, on a
     *       thread of its own, in the order of the source;</li>
     *   <li>the stages work at the same time, each on a different value, so
     *       the whole run takes about (values + 2) times the slowest stage,
     *       not values times the sum of the stages;</li>
     *   <li>the end of the source travels down the pipeline as an
     *       end-of-stream marker that is not a value: the source may hold any
     *       int, 0, -1 and {@code Integer.MIN_VALUE} included;</li>
     *   <li>it returns once the sink has received the last value and every
     *       stage's thread has ended.</li>
     * </ul>
     *
     * @param source the values; it may block (sleep, I/O) in {@code next}, and
     *               is not thread-safe: only the gen stage reads it
     * @param square the square stage's work; it may block for a while
     * @param sink   the last stage's work ("print"); it may block for a while
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void run(Iterator<Integer> source, IntUnaryOperator square, IntConsumer sink) throws InterruptedException;
}
