package katas.day24.hidden;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import katas.day24.CounterServer;
import katas.support.SpeedupWorkload;

/**
 * 12 clients increment at once against a journal that takes 80 ms a call:
 * about 80 ms when requests are served concurrently, 12 x 80 ms when they are
 * served one at a time (or one journal call at a time), plus the server's
 * start and stop and the connections.
 */
public final class Day24Workload implements SpeedupWorkload<CounterServer> {

    @Override
    public void run(CounterServer server) throws Exception {
        int clients = 12;
        Set<Long> replies = ConcurrentHashMap.newKeySet();
        server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), v -> {
            try {
                Thread.sleep(80);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (server; Clients http = new Clients(server.port())) {
            CountDownLatch gate = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        gate.await();
                        replies.add(http.increment());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            gate.countDown();
            for (Thread t : threads) {
                t.join();
            }
        }
        Set<Long> expected = Set.copyOf(LongStream.rangeClosed(1, clients).boxed().toList());
        if (!replies.equals(expected)) {
            throw new AssertionError("expected the replies " + expected + ", got " + replies);
        }
    }
}
