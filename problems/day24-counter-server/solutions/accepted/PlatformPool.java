package katas.day24.solutions.accepted;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import katas.day24.CounterServer;

/**
 * A pool of 16 platform threads serves the requests, and the counter is a
 * plain long behind synchronized: the lock covers the increment only, and the
 * slow journal is called after it is released, with the value the increment
 * produced. close() stops the server, shuts the pool down and waits for it.
 */
public final class PlatformPool implements CounterServer {

    private long count;
    private HttpServer server;
    private ExecutorService pool;

    private synchronized long next() {
        return ++count;
    }

    private synchronized long current() {
        return count;
    }

    @Override
    public void start(InetSocketAddress bindTo, LongConsumer journal) throws IOException {
        pool = Executors.newFixedThreadPool(16);
        server = HttpServer.create(bindTo, 64);
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/increment" -> {
                    if (method.equals("POST")) {
                        long mine = next();
                        journal.accept(mine); // outside the lock
                        reply(exchange, 200, Long.toString(mine));
                    } else {
                        reply(exchange, 405, "POST only");
                    }
                }
                case "/count" -> reply(exchange, method.equals("GET") ? 200 : 405,
                        method.equals("GET") ? Long.toString(current()) : "GET only");
                default -> reply(exchange, 404, "no such page");
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
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
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
