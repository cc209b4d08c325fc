package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katajudge.report.Result;
import katajudge.report.ResultStore;
import katajudge.testing.Pages;
import katajudge.trace.ReportFiles;
import katajudge.trace.Timeline;
import katajudge.trace.TimelineReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page of a judging, opened in headless Chromium: for known
 * programs (a leak, a deadlock, a busy wait, a clean pool) a person sees a
 * lane for each of their threads in the states they were in, and each
 * finding drawn where it happened; ten thousand virtual threads render fast.
 * Screenshots go to {@code target/screenshots} (the README's come from there).
 */
class ThreadsPageTest {

    /** Size the issue sets for the page of any kept solution. */
    private static final long MAX_PAGE_BYTES = 300 * 1024;

    @TempDir
    Path scratch;

    @Test
    void aLeakedThreadsLaneRunsOnPastTheEndOfItsTest() throws Exception {
        Pages chrome = Pages.open(scratch);
        Fixture.Outcome o = judge("PageLeak", """
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread t = new Thread(() -> { try { q.take(); } catch (InterruptedException e) { } }, "stuck-consumer");
                t.start();
                sleep(50);
                """);
        assertEquals("THREAD_LEAK", o.verdict(), o::toString);
        Path page = pageOf(o);
        String dom = chrome.dom(page, "", 1400, 900);
        String lane = lane(dom, "stuck-consumer");
        assertTrue(lane.contains("data-mark=\"leaked: still alive after"), lane);
        assertTrue(lane.contains("WAITING"), "it waits on its queue the whole time: " + lane);
        assertTrue(dom.contains("class=\"past\""), "its lane is drawn on past the end of its test");
        assertTrue(dom.contains("LinkedBlockingQueue.take"), "hovering shows what it waits on");
        assertTrue(dom.contains("data-region=\"FixtureTest."), "the test is marked on the timeline");
        chrome.screenshot(page, "", Path.of("target/screenshots/leak.png"), 1400, 700);
    }

    @Test
    void aDeadlockShowsTheWaitForGraphWithItsCycle() throws Exception {
        Pages chrome = Pages.open(scratch);
        Fixture.Outcome o = judge("PageDeadlock", """
                Object a = new Object(), b = new Object();
                CountDownLatch both = new CountDownLatch(2);
                Thread t1 = new Thread(() -> { synchronized (a) { both.countDown(); awaitQuietly(both); synchronized (b) { } } }, "first");
                Thread t2 = new Thread(() -> { synchronized (b) { both.countDown(); awaitQuietly(both); synchronized (a) { } } }, "second");
                t1.start(); t2.start(); t1.join();
                """);
        assertEquals("DEADLOCK", o.verdict(), o::toString);
        Path page = pageOf(o);
        String dom = chrome.dom(page, "", 1400, 1000);
        for (String name : List.of("first", "second")) {
            String lane = lane(dom, name);
            assertTrue(lane.contains("BLOCKED") && lane.contains("data-mark=\"deadlocked\""), lane);
        }
        List<String> cycle = Pages.attributes(dom, "svg id=\"waitfor\"", "data-cycle");
        assertEquals(1, cycle.size(), "one wait-for graph");
        assertTrue(cycle.getFirst().equals("first -> second") || cycle.getFirst().equals("second -> first"),
                cycle.getFirst());
        assertEquals(4, count(dom, "class=\"edge cycle\""), "the cycle's four edges are highlighted: "
                + "each thread waits for a monitor the other holds");
        assertTrue(dom.contains("data-place=\"learner/PageDeadlock.java:"), "the learner's lines are shown");
        String note = Pages.text(dom, "p class=\"note\" id=\"tlnote\"");
        assertTrue(note.contains("threads in"), note);
        assertFalse(note.contains("Not in this timeline"), "its one test is in the timeline: " + note);
        chrome.screenshot(page, "", Path.of("target/screenshots/deadlock.png"), 1400, 1100);
    }

    @Test
    void aBusyWaitingLaneIsMarkedWithItsCpuShare() throws Exception {
        Pages chrome = Pages.open(scratch);
        Fixture.Outcome o = judge("PageSpin", """
                AtomicBoolean done = new AtomicBoolean();
                Thread spinner = new Thread(() -> { while (!done.get()) { } }, "platform-spinner");
                spinner.start();
                sleep(1500);
                done.set(true);
                spinner.join();
                """);
        assertEquals("BUSY_WAIT", o.verdict(), o::toString);
        String lane = lane(chrome.dom(pageOf(o), "", 1400, 900), "platform-spinner");
        Matcher share = Pattern.compile("data-mark=\"busy-waits: (\\d+)% of a CPU\"").matcher(lane);
        assertTrue(share.find(), lane);
        assertTrue(Integer.parseInt(share.group(1)) >= 5, lane);
        assertTrue(lane.contains("data-states=\"RUNNING"), "seen on a CPU: " + lane);
        assertFalse(lane.contains("WAITING"), "it never waits: " + lane);
    }

    @Test
    void aCleanPoolShowsItsWorkersWaitingForWorkAndMarksNothing() throws Exception {
        Pages chrome = Pages.open(scratch);
        Fixture.Outcome o = judge("PagePool", """
                ExecutorService pool = Executors.newFixedThreadPool(3);
                for (int i = 0; i < 6; i++) pool.submit(() -> sleep(40));
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.SECONDS);
                """);
        assertEquals("ACCEPTED", o.verdict(), o::toString);
        String dom = chrome.dom(pageOf(o), "", 1400, 900);
        List<String> threads = Pages.attributes(dom, "div class=\"lane\"", "data-thread");
        assertTrue(threads.containsAll(List.of("pool-1-thread-1", "pool-1-thread-2", "pool-1-thread-3")), threads.toString());
        assertTrue(lane(dom, "pool-1-thread-1").contains("SLEEPING"), "its tasks sleep");
        assertFalse(dom.contains("data-mark="), "nothing to mark on a clean run");
        assertFalse(dom.contains("id=\"waitfor\""), "no wait-for graph");
        assertTrue(Pages.attributes(dom, "section class=\"group\"", "data-site").stream()
                .anyMatch(s -> s.contains("created at learner.PagePool.run(PagePool.java:")), "grouped by creation site");
        // JUnit's own flight-recording listeners are left out of a judging's recording: their event types
        // would make JFR write its metadata again, and the page draws none of their events.
        Path jfr = pageOf(o).resolveSibling("PagePool.jfr");
        try (jdk.jfr.consumer.RecordingFile recording = new jdk.jfr.consumer.RecordingFile(jfr)) {
            List<String> types = recording.readEventTypes().stream().map(jdk.jfr.EventType::getName).toList();
            assertTrue(types.contains("katajudge.Region"), "the judge's own events are there: " + types);
            assertTrue(types.stream().noneMatch(t -> t.startsWith("org.junit.")), types.toString());
        }
    }

    @Test
    void withoutRecordingThePageSaysSoAndNoRecordingIsLeftBehind() throws Exception {
        Pages chrome = Pages.open(scratch);
        Fixture.Outcome first = judge("PageQuiet", "sleep(20);");
        Path page = pageOf(first);
        Fixture.Outcome second = judge("PageQuiet", "sleep(20);", "--no-recording");
        assertEquals("ACCEPTED", second.verdict(), second::toString);
        assertFalse(Files.exists(page.resolveSibling("PageQuiet.jfr")), "the last judging's recording is gone too");
        assertTrue(chrome.dom(page, "", 1400, 700).contains("No recording was kept for this run."));
    }

    @Test
    void tenThousandVirtualThreadsRenderInUnderTwoSecondsFoldedIntoOneGroup() throws Exception {
        Pages chrome = Pages.open(scratch);
        Path jar = Fixture.learnerJar("run-Many", Map.of("Many", """
                import java.util.concurrent.*;
                public class Many {
                    static void nap() throws InterruptedException { Thread.sleep(10); }
                    public static void main(String[] args) throws Exception {
                        CountDownLatch go = new CountDownLatch(1);
                        try (var ex = Executors.newVirtualThreadPerTaskExecutor()) {
                            for (int i = 0; i < 10_000; i++) {
                                boolean napper = i % 1000 == 999; // a few, never among the lanes drawn, sleep elsewhere
                                ex.submit(() -> { go.await(); if (napper) nap(); else Thread.sleep(10); return 1; });
                            }
                            Thread.sleep(100);
                            go.countDown();
                        }
                    }
                }
                """));
        Path page = scratch.resolve("many.html");
        Path judgeJar = Path.of(System.getProperty("katas.root")).resolve("judge/app/target/judge.jar");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                judgeJar.toString(), "run", "--jar", jar.toString(), "--main", "Many", "--html", page.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(Files.isRegularFile(scratch.resolve("many.jfr")), "the recording is kept beside the page");
        assertTrue(Files.size(page) < MAX_PAGE_BYTES, "page of " + Files.size(page) + " bytes");
        String dom = chrome.dom(page, "", 1400, 900);
        List<String> sizes = Pages.attributes(dom, "section class=\"group\"", "data-size");
        // Seen once in a fresh-clone make test: [1, 9999, 1] (main, the pool, one thread grouped apart: under load
        // a thread whose recorded waits carry no frame of the program has no site to join). The folding is the
        // point: one group holds (nearly) all 10,000.
        int largest = sizes.stream().mapToInt(Integer::parseInt).max().orElse(0);
        assertTrue(largest >= 9_990 && sizes.size() <= 3, "the virtual threads are one group: " + sizes);
        assertTrue(count(dom, "class=\"lane\"") < 100, "a few lanes drawn, the rest counted in the band");
        assertTrue(dom.contains("<canvas"), "the group's band");
        assertTrue(lanesWith(dom, "WAITING") > 0, "the threads wait on the latch");
        int renderMs = Integer.parseInt(Pages.attributes(dom, "body", "data-render-ms").getFirst());
        assertTrue(renderMs < 2000, "rendered in " + renderMs + " ms");
        // A thread counted in its group's band, not drawn, adds no text to the page: reading the texts of ten
        // thousand of them was most of reading a day-27 recording.
        Timeline timeline = TimelineReader.read(scratch.resolve("many.jfr"), Map.of());
        java.util.Set<Integer> shown = new java.util.HashSet<>();
        for (Timeline.Group g : timeline.groups()) {
            for (Timeline.Lane l : g.lanes()) {
                shown.add(l.created());
                l.spans().forEach(span -> { shown.add((int) span[3]); shown.add((int) span[4]); });
            }
        }
        for (int i = 0; i < timeline.strings().size(); i++) {
            assertTrue(shown.contains(i), "a text no drawn lane shows: " + timeline.strings().get(i));
        }
        assertFalse(String.join("\n", timeline.strings()).contains("Many.nap"), "the nappers' stack is not kept");
    }

    @Test
    void theSpeedupIsAChartOfInterleavedRunsWithMediansAndTheTarget() throws Exception {
        Pages chrome = Pages.open(scratch);
        // A real judging's result (day 12, an accepted worker pool): 3 baseline and 3 learner runs.
        Path results = scratch.resolve("results");
        Files.createDirectories(results);
        Files.copy(Path.of(getClass().getResource("/trace/day12.json").toURI()), results.resolve("day12.json"));
        Result result = new ResultStore(results).latest(12).orElseThrow();
        Path page = ReportFiles.writePage(result, results.resolve("day12.json"), null);
        String dom = chrome.dom(page, "", 1400, 900);
        assertEquals(result.speedup().baselineMillis().size(), count(dom, "class=\"pt baseline\""), "a point per baseline run");
        assertEquals(result.speedup().submissionMillis().size(), count(dom, "class=\"pt learner\""), "a point per learner run");
        assertTrue(dom.contains("class=\"median baseline\"") && dom.contains("class=\"median learner\""), "both medians");
        assertTrue(dom.contains("class=\"target\""), "the target line");
        assertTrue(dom.contains("Speedup: " + String.format("%.2f", result.speedup().ratio()) + "×"), "the ratio");
        assertTrue(dom.contains("No recording was kept for this run."), "no recording: said, not drawn");
    }

    // ------------------------------------------------------------------ helpers

    private static Fixture.Outcome judge(String name, String body, String... options) {
        String source = "package learner;\nimport java.util.concurrent.*;\nimport java.util.concurrent.atomic.*;\n"
                + "public class " + name + " implements katas.fixture.Program {\n"
                + "  static void sleep(long ms) { try { Thread.sleep(ms); } catch (InterruptedException e) { } }\n"
                + "  static void awaitQuietly(CountDownLatch l) { try { l.await(); } catch (InterruptedException e) { } }\n"
                + "  public void run() throws Exception {\n" + body + "\n  }\n}\n";
        Path module = Fixture.ROOT.resolve("modules/" + name);
        try {
            Path file = module.resolve("src/main/java/learner/" + name + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path json = Fixture.ROOT.resolve("results/" + name + ".json");
        List<String> args = new ArrayList<>(List.of("submit", "--day", "1", "--module", module.toString(), "--who",
                "test", "--json", json.toString()));
        args.addAll(List.of(options));
        return Fixture.run(json, args.toArray(String[]::new));
    }

    private static Path pageOf(Fixture.Outcome o) throws java.io.IOException {
        Matcher m = Pattern.compile("Report\\s+(file:\\S+)").matcher(o.out());
        assertTrue(m.find(), "the terminal report prints the page's address:\n" + o.out());
        Path page = Path.of(java.net.URI.create(m.group(1)));
        assertTrue(Files.size(page) < MAX_PAGE_BYTES, "page of " + Files.size(page) + " bytes");
        assertTrue(Files.isRegularFile(page.resolveSibling(page.getFileName().toString().replace(".html", ".jfr"))),
                "the recording is kept beside the page");
        String html = Files.readString(page);
        assertFalse(html.contains("<script src") || html.contains("<link") || html.contains("url(http")
                || html.contains("src=\"http") || html.contains("@import"), "the page loads nothing from anywhere");
        return page;
    }

    /** The opening tag of a thread's lane. */
    private static String lane(String dom, String thread) {
        Matcher m = Pattern.compile("<div class=\"lane\" data-thread=\"" + Pattern.quote(thread) + "\"[^>]*>")
                .matcher(dom);
        assertTrue(m.find(), "a lane for '" + thread + "' in " + Pages.attributes(dom, "div class=\"lane\"", "data-thread"));
        return m.group();
    }

    private static int lanesWith(String dom, String state) {
        List<String> states = new ArrayList<>(Pages.attributes(dom, "div class=\"lane\"", "data-states"));
        states.removeIf(s -> !s.contains(state));
        return states.size();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
