package katas.day23;

import java.net.URI;
import java.util.Set;

/**
 * Day 23 — your solution. Read problems/day23-web-crawler/README.md first.
 *
 * <p>Fetch with java.net.http.HttpClient (and close it), find links with
 * Crawler.links(page, html), claim each URI once, and never have more than
 * maxConcurrency requests in flight.
 */
public class MyCrawler implements Crawler {

    @Override
    public Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 23: crawl level by level, each page once, bounded");
    }
}
