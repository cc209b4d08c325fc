package katas.day23.hidden;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import katas.day23.Crawler;
import katas.support.SpeedupWorkload;

/**
 * A site of three levels, 1 + 5 + 10 pages at 50 ms each, crawled to depth 2
 * with a limit of 10: about 3 x 50 ms level by level, 16 x 50 ms one page at
 * a time (both plus the client's set-up and some HTTP). Links back and
 * across make the visited set earn its keep.
 */
public final class Day23Workload implements SpeedupWorkload<Crawler> {

    @Override
    public void run(Crawler solution) throws Exception {
        Map<Integer, List<Integer>> links = new HashMap<>();
        links.put(0, List.of(1, 2, 3, 4, 5, 0));
        for (int p = 1; p <= 5; p++) {
            links.put(p, List.of(4 + 2 * p, 5 + 2 * p, 0, 1 + p % 5));   // 6..15
        }
        for (int p = 6; p <= 15; p++) {
            links.put(p, List.of(0, 6 + (p - 5) % 10, 16));               // 16 is at depth 3: never fetched
        }
        try (Site site = Site.serve(links, Duration.ofMillis(50))) {
            Set<URI> result = solution.crawl(site.page(0), 2, 10);
            Set<URI> expected = site.uris(site.within(0, 2));
            if (result == null || !result.equals(expected)) {
                throw new AssertionError("expected " + expected + ", got " + result);
            }
        }
    }
}
