package katas.day23.solutions.accepted;

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
 * Breadth first, one level at a time: a virtual thread per page of the level
 * (Go's goroutine per URL), a semaphore for the concurrency limit (Go's
 * buffered channel of tokens), and the visited set kept by the coordinating
 * thread alone, so there is nothing to race on. Level by level also makes
 * the depth exact: a page is always reached first by its shortest path.
 */
public final class Reference implements Crawler {

    @Override
    public Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException {
        Set<URI> found = ConcurrentHashMap.newKeySet();
        Set<URI> seen = new HashSet<>(Set.of(start)); // the coordinator's alone
        Semaphore slots = new Semaphore(maxConcurrency);
        try (HttpClient client = HttpClient.newHttpClient()) {
            List<URI> level = List.of(start);
            for (int depth = 0; !level.isEmpty(); depth++) {
                List<Future<List<URI>>> pages = new ArrayList<>();
                try (ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (URI uri : level) {
                        pages.add(fetchers.submit(() -> fetch(client, slots, uri, found)));
                    }
                } // close() waits for the whole level
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while crawling");
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
        } // close() waits for the client's exchanges and stops its threads
        return Set.copyOf(found);
    }

    /** GETs one page within a slot; its links if it answered 200, none otherwise. */
    private static List<URI> fetch(HttpClient client, Semaphore slots, URI uri, Set<URI> found)
            throws InterruptedException {
        slots.acquire();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            found.add(uri);
            return Crawler.links(uri, response.body());
        } catch (IOException | IllegalArgumentException e) {
            return List.of(); // unreachable or malformed: not a page
        } finally {
            slots.release();
        }
    }
}
