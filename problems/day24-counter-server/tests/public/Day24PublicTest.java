package katas.day24;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 24: run them in your IDE or with `make test-public DAY=24`. */
class Day24PublicTest {

    @Test
    void countsAndAnswersTheNewValue() throws Exception {
        try (CounterServer server = Katas.load(CounterServer.class);
             HttpClient client = HttpClient.newHttpClient()) {
            server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), v -> { });
            String base = "http://127.0.0.1:" + server.port();
            assertEquals("0", get(client, base + "/count"));
            assertEquals("1", post(client, base + "/increment"));
            assertEquals("2", post(client, base + "/increment"));
            assertEquals("2", get(client, base + "/count"));
        }
    }

    @Test
    void twentyClientsAtOnceGetTwentyDistinctValues() throws Exception {
        Set<String> replies = ConcurrentHashMap.newKeySet();
        try (CounterServer server = Katas.load(CounterServer.class);
             HttpClient client = HttpClient.newHttpClient()) {
            server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), v -> { });
            String base = "http://127.0.0.1:" + server.port();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        replies.add(post(client, base + "/increment"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(20, replies.size(), "20 increments, 20 distinct answers: " + replies);
            assertEquals("20", get(client, base + "/count"));
        }
    }

    static String get(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
                .body().trim();
    }

    static String post(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body().trim();
    }
}
