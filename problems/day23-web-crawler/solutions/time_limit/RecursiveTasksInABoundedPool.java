package katas.day23.solutions.time_limit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day23.Crawler;

/**
 * The pool is the limit, and each page's task submits its links to the same
 * pool and waits for them: once every pool thread is a parent waiting for
 * children still in the queue, nothing runs again (pool-starvation deadlock).
 * The JDK's HTTP selector thread stays awake meanwhile, so the run hits the
 * time limit.
 */
public final class RecursiveTasksInABoundedPool implements Crawler {

    @Override
    public Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException {
        Set<URI> claimed = ConcurrentHashMap.newKeySet();
        Set<URI> found = ConcurrentHashMap.newKeySet();
        try (HttpClient client = HttpClient.newHttpClient();
             ExecutorService pool = Executors.newFixedThreadPool(maxConcurrency)) {
            claimed.add(start);
            join(pool.submit(() -> visit(pool, client, claimed, found, start, 0, maxDepth)));
        }
        return Set.copyOf(found);
    }

    private static Void visit(ExecutorService pool, HttpClient client, Set<URI> claimed, Set<URI> found, URI uri,
                              int depth, int maxDepth) throws InterruptedException {
        List<URI> links;
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            links = Crawler.links(uri, r.body());
        } catch (IOException e) {
            return null;
        }
        found.add(uri);
        if (depth < maxDepth) {
            List<Future<Void>> children = new ArrayList<>();
            for (URI link : links) {
                if (claimed.add(link)) {
                    children.add(pool.submit(() -> visit(pool, client, claimed, found, link, depth + 1, maxDepth)));
                }
            }
            for (Future<Void> child : children) {
                join(child); // a pool thread waiting for tasks that need a pool thread
            }
        }
        return null;
    }

    private static void join(Future<Void> f) throws InterruptedException {
        try {
            f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
