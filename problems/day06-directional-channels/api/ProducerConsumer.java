package katas.day06;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Day 6: directional channels. A producer stage that may only send, a
 * consumer stage that may only receive, and the wiring that connects them
 * through a bounded channel so that both stages work at the same time.
 */
public interface ProducerConsumer {

    /**
     * The producer stage. For {@code i = 0, 1, ..., count - 1}: makes item
     * {@code i} with {@code make.apply(i)} and sends it on {@code out} at
     * once, before making item {@code i + 1}. Runs on the calling thread and
     * returns after the last send.
     *
     * @param count how many items, 0 or more
     * @param make  makes item {@code i}; it takes time (sleep-bound work)
     * @param out   the only end of the channel this stage sees
     * @throws InterruptedException if interrupted while sending
     */
    <T> void produce(int count, IntFunction<T> make, SendPort<T> out) throws InterruptedException;

    /**
     * The consumer stage. Receives exactly {@code count} items from
     * {@code in}, one at a time, and hands each to {@code use} in the order
     * received. Runs on the calling thread and returns after the last
     * {@code use} call. It never receives more than {@code count} items.
     *
     * @param count how many items, 0 or more
     * @param in    the only end of the channel this stage sees
     * @param use   uses one item; it takes time (sleep-bound work)
     * @throws InterruptedException if interrupted while receiving
     */
    <T> void consume(int count, ReceivePort<T> in, Consumer<T> use) throws InterruptedException;

    /**
     * Connects the two stages: makes a channel that holds at most
     * {@code capacity} items, gives its send end to {@link #produce} and its
     * receive end to {@link #consume}, and runs both stages concurrently
     * (each on its own thread; one of them may be the caller's).
     *
     * <p>Every item reaches {@code use} exactly once, in the order made
     * (FIFO). The producer is never more than the channel's capacity ahead
     * of the consumer: when the channel is full it waits. Returns only
     * after {@code use} has been called for the last item, and leaves no
     * thread behind.
     *
     * @param count    how many items, 0 or more
     * @param make     makes item {@code i}; called from one thread, in order
     * @param use      uses one item; called from one thread, in order
     * @param capacity how many items the channel holds, 1 or more
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    <T> void run(int count, IntFunction<T> make, Consumer<T> use, int capacity) throws InterruptedException;
}
