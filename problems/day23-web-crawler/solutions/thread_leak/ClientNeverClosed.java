package katas.day23.solutions.thread_leak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import katas.day23.Crawler;

/**
 * A right crawl, but the HttpClient is never closed: its selector thread and
 * its pool of worker threads stay alive after crawl returns (until a garbage
 * collection happens to notice the client is unreachable).
 */
public final class ClientNeverClosed implements Crawler {

    @Override
    public Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException {
        Set<URI> found = ConcurrentHashMap.newKeySet();
        Set<URI> seen = new HashSet<>(Set.of(start));
        Semaphore slots = new Semaphore(maxConcurrency);
        HttpClient client = HttpClient.newHttpClient();
        List<URI> level = List.of(start);
        for (int depth = 0; !level.isEmpty(); depth++) {
            List<Future<List<URI>>> pages = new ArrayList<>();
            try (ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (URI uri : level) {
                    pages.add(fetchers.submit(() -> {
                        slots.acquire();
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                return List.<URI>of();
                            }
                            found.add(uri);
                            return Crawler.links(uri, r.body());
                        } catch (IOException e) {
                            return List.<URI>of();
                        } finally {
                            slots.release();
                        }
                    }));
                }
            }
            List<URI> next = new ArrayList<>();
            if (depth < maxDepth) {
                for (Future<List<URI>> page : pages) {
                    for (URI link : page.resultNow()) {
                        if (seen.add(link)) {
                            next.add(link);
                        }
                    }
                }
            }
            level = next;
        }
        return Set.copyOf(found);
    }
}
