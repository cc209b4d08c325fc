package katas.day24.solutions.wrong_answer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import katas.day24.CounterServer;

/**
 * A learner's first try: {@code ++count} on a {@code volatile long}, then the
 * journal, outside any lock. Volatile makes the read and the write visible,
 * not one step: two requests can read the same value, and one increment is
 * lost (two clients get the same number). The window is a few instructions,
 * so a natural schedule rarely shows it; the judge explores schedules for
 * this kata, so it shows.
 */
public final class VolatilePlusPlus implements CounterServer {

    private volatile long count;
    private HttpServer server;
    private ExecutorService handlers;

    @Override
    public void start(InetSocketAddress bindTo, LongConsumer journal) throws IOException {
        handlers = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(bindTo, 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/increment") && exchange.getRequestMethod().equals("POST")) {
                long next = ++count;
                journal.accept(next);
                reply(exchange, 200, Long.toString(next));
            } else if (path.equals("/count") && exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 200, Long.toString(count));
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
        handlers.close();
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
