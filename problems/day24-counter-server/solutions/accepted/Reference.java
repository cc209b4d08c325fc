package katas.day24.solutions.accepted;

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
 * Go's net/http serves each connection on a goroutine of its own; the JDK's
 * HttpServer does that only when given an executor: a virtual thread per
 * request. The counter is an AtomicLong, and the value journaled and sent
 * back is the one incrementAndGet returned: no lock, nothing held while the
 * journal writes. close() stops the server, then the executor.
 */
public final class Reference implements CounterServer {

    private final AtomicLong count = new AtomicLong();
    private HttpServer server;
    private ExecutorService handlers;

    @Override
    public void start(InetSocketAddress bindTo, LongConsumer journal) throws IOException {
        handlers = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(bindTo, 0);
        server.setExecutor(handlers); // without it, every request runs on the one dispatcher thread
        server.createContext("/increment", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/increment")) {
                reply(exchange, 404, "no such page");
            } else if (!exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 405, "POST only");
            } else {
                long mine = count.incrementAndGet();
                journal.accept(mine);
                reply(exchange, 200, Long.toString(mine));
            }
        });
        server.createContext("/count", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/count")) {
                reply(exchange, 404, "no such page");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 405, "GET only");
            } else {
                reply(exchange, 200, Long.toString(count.get()));
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
        handlers.close(); // waits for handlers still running
    }

    static void reply(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }
}
