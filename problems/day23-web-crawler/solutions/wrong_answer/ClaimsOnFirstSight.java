package katas.day23.solutions.wrong_answer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import katas.day23.Crawler;

/**
 * Go's tour crawler: recursive, a goroutine (virtual thread) per link, a
 * concurrent set claimed atomically, a semaphore. Each page is fetched once,
 * but a page claimed first through a long path keeps that depth: when a
 * shorter path reaches it later, it is skipped, and the pages below it that
 * were within reach are never crawled.
 */
public final class ClaimsOnFirstSight implements Crawler {

    @Override
    public Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException {
        Set<URI> claimed = ConcurrentHashMap.newKeySet();
        Set<URI> found = ConcurrentHashMap.newKeySet();
        Semaphore slots = new Semaphore(maxConcurrency);
        try (HttpClient client = HttpClient.newHttpClient()) {
            claimed.add(start);
            visit(client, slots, claimed, found, start, 0, maxDepth);
        }
        return Set.copyOf(found);
    }

    private static void visit(HttpClient client, Semaphore slots, Set<URI> claimed, Set<URI> found, URI uri,
                              int depth, int maxDepth) throws InterruptedException {
        List<URI> links;
        slots.acquire();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return;
            }
            links = Crawler.links(uri, r.body());
        } catch (IOException e) {
            return;
        } finally {
            slots.release();
        }
        found.add(uri);
        if (depth == maxDepth) {
            return;
        }
        List<Thread> children = new ArrayList<>();
        for (URI link : links) {
            if (claimed.add(link)) { // atomic: exactly once, but at whatever depth came first
                children.add(Thread.ofVirtual().start(() -> {
                    try {
                        visit(client, slots, claimed, found, link, depth + 1, maxDepth);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
        }
        for (Thread t : children) {
            t.join();
        }
    }
}
