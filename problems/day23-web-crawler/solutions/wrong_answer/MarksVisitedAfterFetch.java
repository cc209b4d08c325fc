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
 * Checks the visited set before fetching but adds to it only once the page
 * is in: while a page is being fetched, every other link to it passes the
 * check too, and the page is fetched again (check-then-act across a 50 ms gap).
 */
public final class MarksVisitedAfterFetch implements Crawler {

    @Override
    public Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException {
        Set<URI> visited = ConcurrentHashMap.newKeySet();
        Set<URI> found = ConcurrentHashMap.newKeySet();
        Semaphore slots = new Semaphore(maxConcurrency);
        try (HttpClient client = HttpClient.newHttpClient()) {
            visit(client, slots, visited, found, start, 0, maxDepth);
        }
        return Set.copyOf(found);
    }

    private static void visit(HttpClient client, Semaphore slots, Set<URI> visited, Set<URI> found, URI uri,
                              int depth, int maxDepth) throws InterruptedException {
        if (visited.contains(uri)) {
            return;
        }
        List<URI> links;
        slots.acquire();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                visited.add(uri);
                return;
            }
            links = Crawler.links(uri, r.body());
        } catch (IOException e) {
            return;
        } finally {
            slots.release();
        }
        visited.add(uri); // too late: others already passed the check above
        found.add(uri);
        if (depth == maxDepth) {
            return;
        }
        List<Thread> children = new ArrayList<>();
        for (URI link : links) {
            children.add(Thread.ofVirtual().start(() -> {
                try {
                    visit(client, slots, visited, found, link, depth + 1, maxDepth);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : children) {
            t.join();
        }
    }
}
