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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day23.Crawler;

/**
 * The pool is the limit: maxConcurrency platform threads, each fetching one
 * page at a time, fed a level at a time with invokeAll (which returns when
 * the whole level is done). Both the pool and the client are closed by
 * try-with-resources.
 */
public final class PlatformPool implements Crawler {

    @Override
    public Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException {
        Set<URI> found = new HashSet<>();
        Set<URI> seen = new HashSet<>(Set.of(start));
        try (HttpClient client = HttpClient.newHttpClient();
             ExecutorService pool = Executors.newFixedThreadPool(maxConcurrency)) {
            List<URI> level = List.of(start);
            for (int depth = 0; !level.isEmpty(); depth++) {
                List<Callable<Page>> fetches = new ArrayList<>();
                for (URI uri : level) {
                    fetches.add(() -> fetch(client, uri));
                }
                List<URI> next = new ArrayList<>();
                for (Future<Page> f : pool.invokeAll(fetches)) {
                    Page page = get(f);
                    if (page.ok()) {
                        found.add(page.uri());
                        if (depth < maxDepth) {
                            for (URI link : page.links()) {
                                if (seen.add(link)) {
                                    next.add(link);
                                }
                            }
                        }
                    }
                }
                level = next;
            }
        }
        return found;
    }

    private record Page(URI uri, boolean ok, List<URI> links) {}

    private static Page fetch(HttpClient client, URI uri) throws InterruptedException {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? new Page(uri, true, Crawler.links(uri, r.body()))
                    : new Page(uri, false, List.of());
        } catch (IOException | IllegalArgumentException e) {
            return new Page(uri, false, List.of());
        }
    }

    private static Page get(Future<Page> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
