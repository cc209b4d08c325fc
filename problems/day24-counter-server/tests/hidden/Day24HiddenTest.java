package katas.day24.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import katas.day24.CounterServer;
import katas.support.Katas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 24. The learner's server runs on 127.0.0.1 (an
 * ephemeral port); the clients are the test's (java.net.http on virtual
 * threads of the test, released together by a start gate). The journal is
 * the test's too: it records each value and takes a little while, which is
 * what makes a read-modify-write race show up every time. Serving requests
 * concurrently is scored by the speedup workload.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day24HiddenTest {

    /**
     * The JDK's HTTP stack costs seconds to load and warm up on a busy
     * machine the first time it is used: that is paid here, untimed, with
     * the test's own server and client, so no test is charged for it.
     */
    @BeforeAll
    static void warmUpTheJdkHttpStack() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
            server.setExecutor(handlers);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = "1".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            });
            server.start();
            try (Clients http = new Clients(server.getAddress().getPort())) {
                for (int i = 0; i < 20; i++) {
                    http.increment();
                    http.count();
                }
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Order(1)
    void countsFromZero() throws Exception {
        Journal journal = new Journal(0);
        try (CounterServer server = start(journal); Clients http = new Clients(server.port())) {
            assertEquals(0, http.count(), "a new counter starts at 0");
            assertEquals(1, http.increment(), "the first increment answers 1");
            assertEquals(2, http.increment());
            assertEquals(3, http.increment());
            assertEquals(3, http.count(), "GET /count after three increments");
            assertEquals(Set.of(1L, 2L, 3L), journal.values(), "the journal is told each new value once");
        }
    }

    @Test
    @Order(2)
    void concurrentIncrementsAreNeitherLostNorShared() throws Exception {
        // 300 increments from 30 clients at once; the journal takes 2 ms each time.
        int clients = 30;
        int each = 10;
        int n = clients * each;
        Journal journal = new Journal(2);
        ConcurrentLinkedQueue<Long> replies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
        try (CounterServer server = start(journal); Clients http = new Clients(server.port())) {
            CountDownLatch gate = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofVirtual().name("client-" + c).start(() -> {
                    try {
                        gate.await();
                        for (int i = 0; i < each; i++) {
                            long v = http.increment();
                            if (!journal.has(v)) {
                                early.add("the reply " + v + " came before the journal was told " + v
                                        + ": call the journal first, then reply");
                            }
                            replies.add(v);
                        }
                    } catch (Throwable e) {
                        failures.add("a client failed: " + e);
                    }
                }));
            }
            gate.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(failures.isEmpty(), String.valueOf(failures.peek()));
            List<Long> sorted = replies.stream().sorted().toList();
            List<Long> expected = LongStream.rangeClosed(1, n).boxed().toList();
            if (!sorted.equals(expected)) {
                Set<Long> seen = ConcurrentHashMap.newKeySet();
                List<Long> twice = sorted.stream().filter(v -> !seen.add(v)).limit(5).toList();
                List<Long> never = expected.stream().filter(v -> !seen.contains(v)).limit(5).toList();
                throw new AssertionError(n + " concurrent increments must answer exactly 1.." + n + ", each once; "
                        + "given twice (or more): " + twice + (twice.size() == 5 ? "..." : "") + ", never given: "
                        + never + (never.size() == 5 ? "..." : "") + ". The increment and the value it answers "
                        + "must be one atomic step (incrementAndGet, or one lock around both)");
            }
            assertEquals(n, http.count(), n + " increments were answered, so GET /count must say " + n
                    + ": increments were lost");
            assertEquals(Set.copyOf(expected), journal.values(), "the journal must be told 1.." + n + ", each once");
            assertEquals(n, journal.calls(), "the journal must be told each value exactly once");
            assertTrue(early.isEmpty(), String.valueOf(early.peek()));
        }
    }

    @Test
    @Order(3)
    void eachServerHasItsOwnCounter() throws Exception {
        try (CounterServer a = start(new Journal(0)); CounterServer b = start(new Journal(0));
             Clients toA = new Clients(a.port()); Clients toB = new Clients(b.port())) {
            toA.increment();
            toA.increment();
            toB.increment();
            assertEquals(2, toA.count(), "two increments on the first server");
            assertEquals(1, toB.count(), "one increment on the second server: each server has its own counter");
        }
    }

    @Test
    @Order(4)
    void closeStopsTheServer() throws Exception {
        CounterServer server = start(new Journal(0));
        int port = server.port();
        assertTrue(port > 0, "port() must be the port bound (start was given port 0), got " + port);
        try (Clients http = new Clients(port)) {
            assertEquals(1, http.increment());
        }
        server.close();
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            }
        }, "after close() the server must not accept connections any more (port " + port + ")");
    }

    // ------------------------------------------------------------------ helpers

    static CounterServer start(LongConsumer journal) throws IOException {
        CounterServer server = Katas.load(CounterServer.class);
        server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), journal);
        return server;
    }

    /** The test's journal: records each value; each call takes {@code millis}. */
    static final class Journal implements LongConsumer {
        private final Set<Long> values = ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        private final long millis;

        Journal(long millis) {
            this.millis = millis;
        }

        @Override
        public void accept(long value) {
            calls.incrementAndGet();
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            values.add(value);
        }

        boolean has(long value) {
            return values.contains(value);
        }

        Set<Long> values() {
            return Set.copyOf(values);
        }

        int calls() {
            return calls.get();
        }
    }
}
