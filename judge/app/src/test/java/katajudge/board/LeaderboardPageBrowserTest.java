package katajudge.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katajudge.report.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the leaderboard page in headless Chromium (Debian's package, which
 * {@code judge/bin/ensure-chromium} installs when this test first needs it) and checks what a person sees:
 * the rendered rows, coloured cells, and sorting by a column. Without a
 * browser it is skipped on a developer's machine and fails in CI.
 */
class LeaderboardPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPersonSeesTheRankedRowsColouredCellsAndCanSort() throws Exception {
        Path browser = browser();
        result("zoe", 1, "ACCEPTED", 100);
        result("zoe", 2, "SLOW", 80);
        result("adam", 1, "WRONG_ANSWER", 30);
        result("mia", 1, "ACCEPTED", 100);
        result("mia", 2, "ACCEPTED", 100);
        Leaderboard board = new LeaderboardBuilder(null).add(dir.resolve("results")).build(Instant.now());
        Path page = dir.resolve("leaderboard.html");
        Files.writeString(page, LeaderboardPage.render(board));

        String dom = render(browser, page, "");
        assertEquals(List.of("mia", "zoe", "adam"), learners(dom), "ranked by total");
        assertTrue(dom.contains("class=\"cell ACCEPTED\""), "accepted cells are coloured");
        assertTrue(dom.contains("class=\"cell SLOW\""), "slow cells are coloured");
        assertTrue(dom.contains("3 learners · 2 days"), "the summary line");

        String byName = render(browser, page, "#sort=learner");
        assertEquals(List.of("adam", "mia", "zoe"), learners(byName), "sorted by name");
        assertTrue(byName.contains("data-sorted-by=\"learner\""));

        Path shot = Path.of("target/leaderboard.png");
        run(browser, "--screenshot=" + shot.toAbsolutePath(), "--window-size=900,360", page.toUri().toString());
        assertTrue(Files.size(shot) > 1000, "a screenshot was taken");
    }

    private void result(String who, int day, String verdict, double score) throws IOException {
        Path d = dir.resolve("results").resolve(who);
        Files.createDirectories(d);
        ObjectNode n = JSON.createObjectNode().put("schema", Result.SCHEMA).put("who", who).put("day", day)
                .put("title", "Day " + day).put("judgedAt", "2026-11-19T10:00:00Z").put("verdict", verdict);
        n.putObject("score").put("total", score);
        JSON.writeValue(d.resolve(String.format("day%02d.json", day)).toFile(), n);
    }

    private static List<String> learners(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-learner=\"([^\"]+)\"").matcher(dom);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private String render(Path browser, Path page, String hash) throws Exception {
        return run(browser, "--dump-dom", page.toUri() + hash);
    }

    private String run(Path browser, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "profile-")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the browser did not finish");
        }
        return out;
    }

    private static Path browser() {
        return katajudge.testing.Chromium.require();
    }
}
