package katas.day23;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 23: run them in your IDE or with `make test-public DAY=23`. */
class Day23PublicTest {

    /** Four pages on a loopback server: /a links to /b and /c, both link to /d and back to /a. */
    static final Map<String, List<String>> SITE = Map.of(
            "/a", List.of("/b", "/c", "/b"),
            "/b", List.of("/d", "/a"),
            "/c", List.of("/d", "/a"),
            "/d", List.of("/a", "/missing"));

    @Test
    void findsEveryPageAndFetchesEachOnce() throws Exception {
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
            server.setExecutor(handlers);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                List<String> links = SITE.get(path);
                StringBuilder html = new StringBuilder("<html><body>");
                if (links != null) {
                    links.forEach(l -> html.append("<a href=\"").append(l).append("\">").append(l).append("</a> "));
                }
                byte[] body = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(links == null ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            Set<URI> found = Katas.load(Crawler.class).crawl(base.resolve("/a"), 5, 2);
            assertEquals(Set.of(base.resolve("/a"), base.resolve("/b"), base.resolve("/c"), base.resolve("/d")), found,
                    "the four pages that answer 200");
            hits.forEach((path, n) -> assertEquals(1, n.get(), path + " fetched " + n.get() + " times"));
            assertEquals(5, hits.size(), "the four pages and the missing one, each fetched once: " + hits);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void linksAreResolvedAgainstThePage() {
        URI page = URI.create("http://127.0.0.1:8080/p/1");
        assertEquals(List.of(URI.create("http://127.0.0.1:8080/p/2"), URI.create("http://127.0.0.1:8080/p/2")),
                Crawler.links(page, "<a href=\"/p/2\">x</a> <A HREF=\"/p/2#top\">y</A> <a href=\"mailto:x@y\">z</a>"));
    }
}
