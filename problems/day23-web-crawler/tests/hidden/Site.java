package katas.day23.hidden;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test's web site: a real HTTP server on 127.0.0.1 (an ephemeral port),
 * serving page {@code n} at {@code /p/n} with links to other pages, after a
 * latency. It counts requests per path and the requests in flight, and their
 * peak. Its threads (the JDK server's dispatcher and a virtual thread per
 * request) are the test's, not the learner's. A request counts as in flight
 * from its arrival until just before its response is sent, so the server
 * never sees more in flight than the client has.
 */
final class Site implements AutoCloseable {

    private final Map<Integer, List<Integer>> links;
    private final Map<Integer, Duration> latency;
    private final Duration defaultLatency;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    private Site(Map<Integer, List<Integer>> links, Map<Integer, Duration> latency, Duration defaultLatency)
            throws IOException {
        this.links = Map.copyOf(links);
        this.latency = Map.copyOf(latency);
        this.defaultLatency = defaultLatency;
        this.handlers = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code links} (page -> the pages it links to, duplicates kept); any other page is a 404. */
    static Site serve(Map<Integer, List<Integer>> links, Duration latency) throws IOException {
        return new Site(links, Map.of(), latency);
    }

    /** The same, with a latency of its own for some pages. */
    static Site serve(Map<Integer, List<Integer>> links, Duration latency, Map<Integer, Duration> perPage)
            throws IOException {
        return new Site(links, perPage, latency);
    }

    URI page(int n) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/p/" + n);
    }

    /** Requests per path, sorted by path (for messages). */
    Map<String, Integer> hits() {
        Map<String, Integer> out = new TreeMap<>();
        hits.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    int hits(int page) {
        AtomicInteger n = hits.get("/p/" + page);
        return n == null ? 0 : n.get();
    }

    int peak() {
        return peak.get();
    }

    /** The pages within {@code maxDepth} links of {@code start}, found breadth first (the judge's own answer). */
    Set<Integer> within(int start, int maxDepth) {
        Map<Integer, Integer> depth = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        depth.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int d = depth.get(p);
            if (d == maxDepth) {
                continue;
            }
            for (int q : links.getOrDefault(p, List.of())) {
                if (!depth.containsKey(q)) {
                    depth.put(q, d + 1);
                    queue.add(q);
                }
            }
        }
        return new LinkedHashSet<>(depth.keySet());
    }

    /** The URIs of the pages among {@code pages} that exist (answer 200). */
    Set<URI> uris(Set<Integer> pages) {
        Set<URI> out = new LinkedHashSet<>();
        for (int p : pages) {
            if (links.containsKey(p)) {
                out.add(page(p));
            }
        }
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        Integer n = null;
        if (path.startsWith("/p/")) {
            try {
                n = Integer.valueOf(path.substring(3));
            } catch (NumberFormatException e) {
                n = null;
            }
        }
        List<Integer> out = n == null ? null : links.get(n);
        try {
            Thread.sleep(n == null ? defaultLatency : latency.getOrDefault(n, defaultLatency));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body;
        int status;
        if (out == null) {
            status = 404;
            body = "<html><body>no such page</body></html>".getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            StringBuilder html = new StringBuilder("<html><head><title>Page ").append(n)
                    .append("</title></head><body><h1>Page ").append(n).append("</h1><ul>\n");
            for (int q : out) {
                html.append("<li><a href=\"/p/").append(q).append("\">page ").append(q).append("</a></li>\n");
            }
            body = html.append("</ul></body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
        }
        inFlight.decrementAndGet(); // before the response leaves: the client cannot have started another yet
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.close();
    }
}
