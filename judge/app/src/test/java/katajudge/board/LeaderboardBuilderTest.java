package katajudge.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import katajudge.report.Result;
import katajudge.report.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void ranksByTotalOfBestScoresAndTiesShareARank() throws IOException {
        write("ann", 1, "2026-11-18T10:00:00Z", "SLOW", 75);
        write("ann", 1, "2026-11-19T10:00:00Z", "ACCEPTED", 100);
        write("bob", 1, "2026-11-19T11:00:00Z", "ACCEPTED", 100);
        write("cyd", 1, "2026-11-19T11:00:00Z", "WRONG_ANSWER", 40);
        Leaderboard b = new LeaderboardBuilder(null).add(dir).build(NOW);
        assertEquals(3, b.rows().size());
        assertEquals(1, b.rows().get(0).rank());
        assertEquals(1, b.rows().get(1).rank(), "ann and bob tie");
        assertEquals(3, b.rows().get(2).rank());
        Leaderboard.Cell ann = b.rows().stream().filter(r -> r.learner().equals("ann")).findFirst().orElseThrow()
                .days().getFirst();
        assertEquals(2, ann.attempts());
        assertEquals(100, ann.bestScore());
        assertEquals("2026-11-19T10:00:00Z", ann.firstAcceptedAt());
    }

    @Test
    void streaksCountConsecutiveDaysWithANewlyAcceptedKata() {
        Set<LocalDate> dates = new java.util.TreeSet<>(Set.of(LocalDate.parse("2026-11-10"),
                LocalDate.parse("2026-11-11"), LocalDate.parse("2026-11-12"), LocalDate.parse("2026-11-18"),
                LocalDate.parse("2026-11-19")));
        int[] s = LeaderboardBuilder.streaks(dates, LocalDate.parse("2026-11-20"));
        assertEquals(2, s[0], "current: the 18th and 19th, ending yesterday");
        assertEquals(3, s[1], "longest: the 10th to the 12th");
        assertEquals(0, LeaderboardBuilder.streaks(dates, LocalDate.parse("2026-11-25"))[0], "broken since");
    }

    @Test
    void corruptAndForeignFilesAreNamedAndTheRestIsBuilt() throws IOException {
        write("ann", 2, "2026-11-19T10:00:00Z", "ACCEPTED", 100);
        Files.writeString(dir.resolve("day03.json"), "{ not json");
        Files.writeString(dir.resolve("day04.json"), "{\"hello\": \"world\"}");
        Leaderboard b = new LeaderboardBuilder(null).add(dir).add(dir.resolve("missing")).build(NOW);
        assertEquals(1, b.rows().size());
        assertEquals(3, b.problems().size(), b.problems()::toString);
        assertTrue(b.problems().stream().anyMatch(p -> p.message().contains("not valid JSON")));
        assertTrue(b.problems().stream().anyMatch(p -> p.message().contains("not a judge result")));
    }

    @Test
    void anEmptyGroupGivesAnEmptyBoard() throws IOException {
        Leaderboard b = new LeaderboardBuilder(null).add(dir).build(NOW);
        assertEquals(0, b.rows().size());
        assertTrue(LeaderboardPage.render(b).contains("No results yet."));
    }

    @Test
    void withVerifyUnsignedAndAlteredResultsAreLeftOut() throws IOException {
        Signer signer = Signer.generate();
        ObjectNode honest = result("ann", 1, "2026-11-19T10:00:00Z", "ACCEPTED", 100);
        signer.sign(honest);
        ObjectNode edited = result("bob", 1, "2026-11-19T10:00:00Z", "WRONG_ANSWER", 20);
        signer.sign(edited);
        edited.put("verdict", "ACCEPTED");
        ((ObjectNode) edited.get("score")).put("total", 100);
        ObjectNode unsigned = result("cyd", 1, "2026-11-19T10:00:00Z", "ACCEPTED", 100);
        Files.createDirectories(dir.resolve("ann"));
        Files.createDirectories(dir.resolve("bob"));
        Files.createDirectories(dir.resolve("cyd"));
        JSON.writeValue(dir.resolve("ann/day01.json").toFile(), honest);
        JSON.writeValue(dir.resolve("bob/day01.json").toFile(), edited);
        JSON.writeValue(dir.resolve("cyd/day01.json").toFile(), unsigned);
        ObjectNode stranger = result("dan", 1, "2026-11-19T10:00:00Z", "ACCEPTED", 100);
        Signer.generate().sign(stranger);
        Files.createDirectories(dir.resolve("dan"));
        JSON.writeValue(dir.resolve("dan/day01.json").toFile(), stranger);
        Leaderboard b = new LeaderboardBuilder(signer.verifier()).add(dir).build(NOW);
        assertEquals(1, b.rows().size());
        assertEquals("ann", b.rows().getFirst().learner());
        assertEquals(3, b.excluded().size());
        assertTrue(b.excluded().stream().anyMatch(e -> e.learner().equals("bob") && e.reason().startsWith("altered")));
        assertTrue(b.excluded().stream().anyMatch(e -> e.learner().equals("cyd") && e.reason().startsWith("unsigned")));
        assertTrue(b.excluded().stream().anyMatch(e -> e.learner().equals("dan") && e.reason().contains("another key")));
        String summary = LeaderboardBuilder.summary(b);
        assertEquals(1, summary.lines().count(), summary);
        assertTrue(summary.startsWith("left out 3 results: ") && summary.contains("1 unsigned"), summary);
    }

    @Test
    void readsWhatGradingWritesAndSaysInOneLineWhatItLeftOut() throws IOException {
        ObjectNode grades = JSON.createObjectNode().put("schema", LeaderboardBuilder.GRADE_SCHEMA).put("who", "eve");
        grades.putArray("days").add(result("eve", 1, "2026-11-19T10:00:00Z", "ACCEPTED", 100))
                .add(result("eve", 2, "2026-11-19T10:00:00Z", "SLOW", 80));
        JSON.writeValue(dir.resolve("grades.json").toFile(), grades);
        Files.writeString(dir.resolve("history.jsonl"), "{\"who\":\"eve\",\"day\":3,\"verdict\":\"ACCEPTED\","
                + "\"score\":100,\"judgedAt\":\"2026-11-18T10:00:00Z\"}\n");
        Leaderboard open = new LeaderboardBuilder(null).add(dir).build(NOW);
        assertEquals(280, open.rows().getFirst().total());
        assertEquals(null, LeaderboardBuilder.summary(open));
        Leaderboard verified = new LeaderboardBuilder(Signer.generate().verifier()).add(dir).build(NOW);
        assertEquals(0, verified.rows().size());
        assertEquals(3, verified.excluded().size(), "the history is counted, never dropped silently");
        String summary = LeaderboardBuilder.summary(verified);
        assertEquals(1, summary.lines().count(), summary);
        assertTrue(summary.startsWith("left out 3 results: 3 unsigned"), summary);
    }

    @Test
    void oddNamesCannotInjectMarkup() throws IOException {
        write("<img src=x onerror=alert(1)>", 1, "2026-11-19T10:00:00Z", "ACCEPTED", 100);
        String page = LeaderboardPage.render(new LeaderboardBuilder(null).add(dir).build(NOW));
        assertTrue(!page.contains("<img src=x"), "the name only appears inside the JSON data, escaped");
    }

    private void write(String who, int day, String at, String verdict, double score) throws IOException {
        // One folder per attempt, as results gathered from several places would be.
        Path d = dir.resolve(Integer.toHexString(who.hashCode()) + "-" + at.replace(':', '_'));
        Files.createDirectories(d);
        JSON.writeValue(d.resolve(String.format("day%02d.json", day)).toFile(), result(who, day, at, verdict, score));
    }

    private static ObjectNode result(String who, int day, String at, String verdict, double score) {
        ObjectNode n = JSON.createObjectNode().put("schema", Result.SCHEMA).put("who", who).put("day", day)
                .put("title", "Day " + day).put("judgedAt", at).put("verdict", verdict);
        n.putObject("score").put("total", score);
        return n;
    }
}
