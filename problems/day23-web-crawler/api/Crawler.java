package katas.day23;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Day 23: a web crawler. Crawl a site over real HTTP, many pages at once but
 * never more than a limit, each page exactly once.
 */
public interface Crawler {

    /**
     * Crawls the site of {@code start} and returns the pages found.
     *
     * <ul>
     *   <li>{@code start} is at depth 0; the links of a page at depth
     *       {@code k} lead to depth {@code k + 1}. Every page within
     *       {@code maxDepth} links of {@code start} (by its shortest path) is
     *       fetched; links found on pages at depth {@code maxDepth} are not
     *       followed.</li>
     *   <li>Each URI is fetched (HTTP GET) <b>exactly once</b>, however many
     *       pages link to it and however many times; links are compared as
     *       the {@code URI}s {@link #links} returns.</li>
     *   <li>At most {@code maxConcurrency} requests are in flight at any
     *       moment, and as many as that when there is that much to fetch: the
     *       crawl should take about depth x latency, not pages x latency.</li>
     *   <li>The result holds every page fetched that answered 200. A page that
     *       answers anything else (404) is left out and its body ignored.</li>
     *   <li>Returns when every fetch has finished; the HTTP client is closed
     *       and no thread is left behind.</li>
     * </ul>
     *
     * @param start          the first page (an http URI on 127.0.0.1)
     * @param maxDepth       how many links deep to go, 0 or more
     * @param maxConcurrency the most requests in flight at once, 1 or more
     * @return the pages that answered 200, start included if it did
     * @throws InterruptedException if the calling thread is interrupted while crawling
     */
    Set<URI> crawl(URI start, int maxDepth, int maxConcurrency) throws InterruptedException;

    /**
     * The links of an HTML page, in document order, duplicates kept: the
     * {@code href} of each {@code <a>} element, resolved against
     * {@code page}, without its fragment; http and https links only.
     */
    static List<URI> links(URI page, String html) {
        Pattern href = Pattern.compile("<a\\s[^>]*?href\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
        List<URI> out = new ArrayList<>();
        Matcher m = href.matcher(html);
        while (m.find()) {
            try {
                URI u = page.resolve(m.group(1).trim());
                if ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) {
                    out.add(new URI(u.getScheme(), u.getRawAuthority() == null ? null : u.getAuthority(),
                            u.getPath(), u.getQuery(), null));
                }
            } catch (IllegalArgumentException | URISyntaxException e) {
                // a malformed link is not a link
            }
        }
        return out;
    }
}
