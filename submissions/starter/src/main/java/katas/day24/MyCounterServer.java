package katas.day24;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.LongConsumer;

/**
 * Day 24 — your solution. Read problems/day24-counter-server/README.md first.
 *
 * <p>com.sun.net.httpserver.HttpServer is fine; give it an executor (its
 * default runs every request on one thread), make the increment and the
 * value it answers one atomic step, and stop everything in close().
 */
public class MyCounterServer implements CounterServer {

    @Override
    public void start(InetSocketAddress bindTo, LongConsumer journal) throws IOException {
        throw new UnsupportedOperationException("TODO day 24: serve POST /increment and GET /count concurrently");
    }

    @Override
    public int port() {
        throw new UnsupportedOperationException("TODO day 24: the port the server is bound to");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO day 24: stop the server and its threads");
    }
}
