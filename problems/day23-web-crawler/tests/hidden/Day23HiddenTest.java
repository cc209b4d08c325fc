package katas.day23.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import katas.day23.Crawler;
import katas.support.Katas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 23. Each test serves a site of its own on a real
 * loopback HTTP server ({@link Site}) that counts every request per path and
 * the requests in flight; the expected answer is the site's own breadth-first
 * search. Speed (depth x latency rather than pages x latency) is scored by
 * the speedup workload, so a sequential crawler passes these tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day23HiddenTest {

    static final Duration LATENCY = Duration.ofMillis(30);

    /**
     * The JDK's HTTP stack costs seconds to load and warm up on a busy
     * machine the first time it is used: that is paid here, untimed, with
     * the test's own site and client, so no test is charged for it.
     */
    @BeforeAll
    static void warmUpTheJdkHttpStack() throws Exception {
        try (Site site = Site.serve(Map.of(0, List.of(1), 1, List.of(0)), Duration.ZERO);
             HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < 20; i++) {
                client.send(HttpRequest.newBuilder(site.page(i % 3)).build(), HttpResponse.BodyHandlers.ofString());
            }
        }
    }

    @Test
    @Order(1)
    void fetchesEveryPageExactlyOnceThroughCyclesAndDuplicateLinks() throws Exception {
        // 30 pages, each linking to 6 random pages, to the start, to the next page, to itself, and twice to one
        // of them. 25 of the 30 are within 2 links of the start.
        Random random = new Random(23);
        Map<Integer, List<Integer>> links = new HashMap<>();
        for (int p = 0; p < 30; p++) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                out.add(random.nextInt(30));
            }
            out.add(0);
            out.add((p + 1) % 30);
            out.add(out.getFirst());
            out.add(p); // itself
            links.put(p, out);
        }
        try (Site site = Site.serve(links, LATENCY)) {
            crawlAndCheck(site, 0, 2, 5);
        }
    }

    @Test
    @Order(2)
    void stopsAtMaxDepth() throws Exception {
        // Levels of 1, 3, 6, 10 and 10 pages; each page links to the next level, back to the start and to a sibling.
        int[][] levels = {{0}, {1, 2, 3}, range(4, 10), range(10, 20), range(20, 30)};
        Map<Integer, List<Integer>> links = new HashMap<>();
        for (int l = 0; l < levels.length; l++) {
            for (int i = 0; i < levels[l].length; i++) {
                int p = levels[l][i];
                List<Integer> out = new ArrayList<>();
                if (l + 1 < levels.length) {
                    int[] next = levels[l + 1];
                    out.add(next[(2 * i) % next.length]);
                    out.add(next[(2 * i + 1) % next.length]);
                    out.add(next[(3 * i + 2) % next.length]);
                }
                out.add(0);
                out.add(levels[l][(i + 1) % levels[l].length]);
                links.put(p, out);
            }
        }
        try (Site site = Site.serve(links, LATENCY)) {
            crawlAndCheck(site, 0, 2, 4);
            for (int p = 10; p < 30; p++) {
                assertEquals(0, site.hits(p), "page " + p + " is 3 or more links away from the start and maxDepth "
                        + "is 2: it must not be fetched (links on pages at depth maxDepth are not followed)");
            }
        }
    }

    @Test
    @Order(3)
    void depthZeroFetchesTheStartOnly() throws Exception {
        Map<Integer, List<Integer>> links = Map.of(0, List.of(1, 2), 1, List.of(0), 2, List.of(0));
        try (Site site = Site.serve(links, LATENCY)) {
            crawlAndCheck(site, 0, 0, 3);
        }
    }

    @Test
    @Order(4)
    void brokenLinksAreFetchedOnceAndLeftOut() throws Exception {
        // 97, 98 and 99 do not exist: they answer 404.
        Map<Integer, List<Integer>> links = Map.of(
                0, List.of(1, 2, 99, 98),
                1, List.of(99, 3, 98),
                2, List.of(98, 0, 99),
                3, List.of(97, 97, 1));
        try (Site site = Site.serve(links, LATENCY)) {
            crawlAndCheck(site, 0, 5, 3);
        }
    }

    @Test
    @Order(5)
    void aPageFirstFoundByALongPathIsCrawledFromItsShortestDepth() throws Exception {
        // 0 -> 1 -> 3 -> 4 is fast and 0 -> 2 -> 4 is slow: page 4 is seen first at depth 3, yet its depth is 2,
        // so with maxDepth 3 its link to 5 must be followed.
        Map<Integer, List<Integer>> links = Map.of(
                0, List.of(1, 2),
                1, List.of(3),
                2, List.of(4),
                3, List.of(4),
                4, List.of(5),
                5, List.of(6),
                6, List.of(0));
        Map<Integer, Duration> slow = Map.of(2, Duration.ofMillis(400), 1, Duration.ofMillis(5),
                3, Duration.ofMillis(5));
        try (Site site = Site.serve(links, Duration.ofMillis(20), slow)) {
            crawlAndCheck(site, 0, 3, 4);
        }
    }

    @Test
    @Order(6)
    void neverMoreRequestsInFlightThanTheLimit() throws Exception {
        // A start page with 24 links, each of those with a link to one of 6 more: wide levels for a limit of 4.
        Map<Integer, List<Integer>> links = new HashMap<>();
        List<Integer> first = new ArrayList<>();
        for (int p = 1; p <= 24; p++) {
            first.add(p);
            links.put(p, List.of(25 + p % 6, 0, 1 + p % 24));
        }
        links.put(0, first);
        for (int p = 25; p < 31; p++) {
            links.put(p, List.of(0, p));
        }
        try (Site site = Site.serve(links, LATENCY)) {
            crawlAndCheck(site, 0, 4, 4);
            assertTrue(site.peak() <= 4, "maxConcurrency was 4 but the server had " + site.peak()
                    + " requests in flight at once: bound the fetches (a Semaphore, or a pool of that size)");
        }
    }

    @Test
    @Order(7)
    void aLimitOfOneMeansOneAtATime() throws Exception {
        Map<Integer, List<Integer>> links = Map.of(0, List.of(1, 2, 3, 4, 5), 1, List.of(0), 2, List.of(1),
                3, List.of(2), 4, List.of(3), 5, List.of(4));
        try (Site site = Site.serve(links, LATENCY)) {
            crawlAndCheck(site, 0, 2, 1);
            assertEquals(1, site.peak(), "maxConcurrency was 1 but the server had " + site.peak()
                    + " requests in flight at once");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Crawls the site from {@code start}; checks the result and that each page within reach was fetched once. */
    static void crawlAndCheck(Site site, int start, int maxDepth, int maxConcurrency) throws Exception {
        Set<Integer> reachable = site.within(start, maxDepth);
        Set<URI> result = Katas.load(Crawler.class).crawl(site.page(start), maxDepth, maxConcurrency);
        Map<String, Integer> hits = site.hits();
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            int page = pageOf(e.getKey());
            assertTrue(page >= 0 && reachable.contains(page), "fetched " + e.getKey() + ", which is not within "
                    + maxDepth + " links of the start; requests per path: " + hits);
            assertEquals(1, e.getValue(), e.getKey() + " was fetched " + e.getValue() + " times: each page must "
                    + "be fetched exactly once, however many links lead to it (claim a URI before fetching it, "
                    + "atomically); requests per path: " + hits);
        }
        for (int p : reachable) {
            assertEquals(1, site.hits(p), "/p/" + p + " is within " + maxDepth + " links of the start (by its "
                    + "shortest path) and was never fetched; requests per path: " + hits);
        }
        Set<URI> expected = site.uris(reachable);
        assertEquals(new TreeSet<>(expected), result == null ? null : new TreeSet<>(result),
                "the result must be exactly the pages within reach that answered 200");
    }

    static int pageOf(String path) {
        try {
            return path.startsWith("/p/") ? Integer.parseInt(path.substring(3)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = i;
        }
        return out;
    }
}
