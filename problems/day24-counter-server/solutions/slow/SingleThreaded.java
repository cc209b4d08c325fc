package katas.day24.solutions.slow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import katas.day24.CounterServer;

/**
 * The sequential baseline: never calls setExecutor, so the JDK server runs
 * every handler on its one dispatcher thread, one request at a time: right,
 * and each slow journal call holds up every other client.
 */
public final class SingleThreaded implements CounterServer {

    private final AtomicLong count = new AtomicLong();
    private HttpServer server;

    @Override
    public void start(InetSocketAddress bindTo, LongConsumer journal) throws IOException {
        server = HttpServer.create(bindTo, 0);
        // no setExecutor: the dispatcher thread runs every handler
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/increment") && exchange.getRequestMethod().equals("POST")) {
                long mine = count.incrementAndGet();
                journal.accept(mine);
                reply(exchange, 200, Long.toString(mine));
            } else if (path.equals("/count") && exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 200, Long.toString(count.get()));
            } else {
                reply(exchange, 404, "no such page");
            }
        });
        server.start();
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }
}
