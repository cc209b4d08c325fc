package katajudge.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katajudge.report.Result;
import katajudge.testing.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the leaderboard page in headless Chromium and checks what a person
 * sees: ranked rows, every cell a symbol besides its colour, a legend that
 * matches the cells, sorting by a column, the first solver of each day, and
 * a group of 30 learners over 30 days that fits a 1400 px screen and keeps
 * the learner column in place on a 390 px phone.
 */
class LeaderboardPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPersonSeesTheRankedRowsSymbolsAMatchingLegendAndCanSort() throws Exception {
        Pages chrome = Pages.open(dir);
        result("zoe", 1, "ACCEPTED", 100, "2026-11-19T10:00:00Z");
        result("zoe", 2, "SLOW", 80, "2026-11-19T11:00:00Z");
        result("adam", 1, "WRONG_ANSWER", 30, "2026-11-19T10:00:00Z");
        result("mia", 1, "ACCEPTED", 100, "2026-11-18T09:00:00Z");
        result("mia", 2, "ACCEPTED", 100, "2026-11-19T08:30:00.123456789Z");
        Path page = page(Instant.parse("2026-11-20T07:00:00Z"));

        String dom = chrome.dom(page, "", 1400, 800);
        assertEquals(List.of("mia", "zoe", "adam"), learners(dom), "ranked by total");
        assertTrue(dom.contains("3 learners · 2 days judged of 30"), "the summary line");
        assertEquals(30, Pages.attributes(dom, "th class=\"day", "data-key").size(), "all 30 day columns");
        assertTrue(cellShows(dom, "cell ACCEPTED first", "✓"), "mia solved day 1 first: starred");
        assertTrue(cellShows(dom, "cell SLOW", "S"), "slow cells carry a letter");
        assertTrue(cellShows(dom, "cell WRONG_ANSWER", "✗"), "wrong answers a cross");
        assertTrue(cellShows(dom, "cell none", "·"), "days not started a dot");
        Set<String> inCells = new HashSet<>(Pages.attributes(dom, "td class=\"cell", "class"));
        Set<String> inLegend = new HashSet<>(Pages.attributes(dom, "span class=\"cell", "class"));
        for (String c : inCells) {
            assertTrue(inLegend.contains(c.replace(" first", "")), "the legend shows " + c + ": " + inLegend);
        }
        assertTrue(dom.contains("1/30 solved") && dom.contains("2/30 solved"), "progress per learner");
        assertTrue(dom.contains("aria-valuenow=\"2\""), "a progress bar");
        assertTrue(dom.contains("Recently solved: "), "recent activity");
        assertTrue(dom.contains("mia day 2 (22 h ago)"), "the latest first, in words");
        String shown = dom.replaceAll("(?s)<script.*?</script>", "");
        assertFalse(shown.contains(".123456789") || shown.contains("08:30:00"), "no seconds or nanoseconds shown");
        assertTrue(shown.contains("8:30 UTC") || shown.contains("08:30 UTC"), "times in hours and minutes");

        String byName = chrome.dom(page, "#sort=learner", 1400, 800);
        assertEquals(List.of("adam", "mia", "zoe"), learners(byName), "sorted by name");
        assertTrue(byName.contains("data-sorted-by=\"learner\""));
    }

    @Test
    void thirtyLearnersOverThirtyDaysFit1400PixelsAndThePhoneKeepsTheLearnerColumn() throws Exception {
        Pages chrome = Pages.open(dir);
        String[] verdicts = {"ACCEPTED", "ACCEPTED", "ACCEPTED", "SLOW", "WRONG_ANSWER", "DEADLOCK", "THREAD_LEAK"};
        for (int l = 0; l < 30; l++) {
            for (int day = 1; day <= 30 - l % 7; day++) {
                String verdict = verdicts[(l + day) % verdicts.length];
                result("learner-with-a-long-name-" + l, day, verdict, verdict.equals("ACCEPTED") ? 100 : 40,
                        String.format("2026-11-%02dT%02d:%02d:00Z", 1 + day % 28, l % 24, day));
            }
        }
        Path page = page(Instant.parse("2026-11-30T07:00:00Z"));

        String wide = chrome.dom(page, "", 1400, 900);
        assertEquals(30, learners(wide).size());
        assertEquals("yes", body(wide, "data-fits"), "no horizontal scroll at 1400 px");
        long firsts = Pages.attributes(wide, "td class=\"cell", "class").stream().filter(c -> c.contains("first")).count();
        assertEquals(30, firsts, "one first solver starred per day");

        String phone = chrome.dom(page, "", 390, 800);
        assertEquals("no", body(phone, "data-fits"), "a phone scrolls the days");
        assertTrue(Integer.parseInt(body(phone, "data-scrolled")) > 0, "it did scroll");
        assertEquals("0", body(phone, "data-learner-shift"), "the learner column stays in place while the days scroll");
        assertTrue(Integer.parseInt(body(phone, "data-row-height")) < 60, "one line per row: the streak does not wrap");

        chrome.screenshot(page, "", Path.of("target/screenshots/board.png"), 1400, 900);
        chrome.screenshot(page, "", Path.of("target/screenshots/board-phone.png"), 390, 800);
    }

    private Path page(Instant now) throws IOException {
        Leaderboard board = new LeaderboardBuilder(null).add(dir.resolve("results")).build(now);
        Path page = dir.resolve("leaderboard.html");
        Files.writeString(page, LeaderboardPage.render(board));
        return page;
    }

    private void result(String who, int day, String verdict, double score, String at) throws IOException {
        Path d = dir.resolve("results").resolve(who);
        Files.createDirectories(d);
        ObjectNode n = JSON.createObjectNode().put("schema", Result.SCHEMA).put("who", who).put("day", day)
                .put("title", "Day " + day).put("judgedAt", at).put("verdict", verdict);
        n.putObject("score").put("total", score);
        JSON.writeValue(d.resolve(String.format("day%02d.json", day)).toFile(), n);
    }

    private static boolean cellShows(String dom, String classes, String symbol) {
        return Pattern.compile("<td class=\"" + Pattern.quote(classes) + "\"[^>]*>" + Pattern.quote(symbol) + "</td>")
                .matcher(dom).find();
    }

    private static String body(String dom, String attribute) {
        List<String> v = Pages.attributes(dom, "body", attribute);
        assertFalse(v.isEmpty(), "the page measured " + attribute);
        return v.getFirst();
    }

    private static List<String> learners(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-learner=\"([^\"]+)\"").matcher(dom);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
