package katas.day23.solutions.slow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import katas.day23.Crawler;

/** The sequential baseline: breadth first, one page at a time; right, and pages x latency long. */
public final class Sequential implements Crawler {

    @Override
    public Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException {
        Set<URI> found = new HashSet<>();
        Map<URI, Integer> depth = new HashMap<>(Map.of(start, 0));
        ArrayDeque<URI> queue = new ArrayDeque<>(Set.of(start));
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (!queue.isEmpty()) {
                URI uri = queue.poll();
                int d = depth.get(uri);
                HttpResponse<String> r;
                try {
                    r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException | IllegalArgumentException e) {
                    continue;
                }
                if (r.statusCode() != 200) {
                    continue;
                }
                found.add(uri);
                if (d < maxDepth) {
                    for (URI link : Crawler.links(uri, r.body())) {
                        if (depth.putIfAbsent(link, d + 1) == null) {
                            queue.add(link);
                        }
                    }
                }
            }
        }
        return found;
    }
}
