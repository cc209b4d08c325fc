package katas.day24;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.LongConsumer;

/**
 * Day 24: a concurrent counter web server. Many clients increment one
 * counter over HTTP at once; none of their increments is lost, and each gets
 * a number of its own.
 */
public interface CounterServer extends AutoCloseable {

    /**
     * Starts an HTTP server bound to {@code bindTo} (port 0: any free port),
     * serving one counter that starts at 0:
     *
     * <ul>
     *   <li>{@code POST /increment}: adds 1 to the counter, calls
     *       {@code journal.accept(v)} with the new value {@code v}, and only
     *       then answers 200 with {@code v} as the body (decimal text).
     *       After N increments the replies are exactly 1..N, each once.</li>
     *   <li>{@code GET /count}: answers 200 with the current value.</li>
     *   <li>Anything else: 404 (or 405 for a known path with the wrong method).</li>
     * </ul>
     *
     * Requests are served concurrently: {@code journal} stands for a write to
     * disk, it takes a while, and one request's journal call must not hold
     * up the others. It may be called from many threads at once.
     *
     * @param bindTo  where to listen (the tests use 127.0.0.1, port 0)
     * @param journal told each new value once, before its reply is sent
     * @throws IOException if the address cannot be bound
     */
    void start(InetSocketAddress bindTo, LongConsumer journal) throws IOException;

    /** The port the server listens on (after {@link #start}). */
    int port();

    /**
     * Stops the server: when this returns it accepts no more connections and
     * none of its threads is left.
     */
    @Override
    void close();
}
