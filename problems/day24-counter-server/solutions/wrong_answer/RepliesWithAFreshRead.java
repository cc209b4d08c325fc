package katas.day24.solutions.wrong_answer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import katas.day24.CounterServer;

/**
 * Increments atomically, but replies with a fresh read of the counter instead
 * of the value its own increment produced: by then other requests have
 * incremented too, so two clients get the same number and some number is
 * never given out.
 */
public final class RepliesWithAFreshRead implements CounterServer {

    private final AtomicLong count = new AtomicLong();
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
                long mine = count.incrementAndGet();
                journal.accept(mine);
                reply(exchange, 200, Long.toString(count.get())); // not mine any more
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
