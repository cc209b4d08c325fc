package katajudge.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import katajudge.report.Result;
import katajudge.report.Signer;

/**
 * Reads results from any number of folders and files (several learners,
 * several repos) and builds the board. Nothing is written back; a file that
 * cannot be read is named and skipped, and the rest of the board is built.
 */
public final class LeaderboardBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema of {@code judge grade}'s JSON: every day's result under {@code days}. */
    static final String GRADE_SCHEMA = "katas-judge/grade/v1";

    private final Signer.Verifier verifier;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<Leaderboard.Excluded> excluded = new ArrayList<>();
    private final List<Leaderboard.Problem> problems = new ArrayList<>();
    private final Set<String> seen = new java.util.HashSet<>();
    private final Map<Integer, String> titles = new TreeMap<>();

    /** @param verifier checks signatures; null to take every result as it is */
    public LeaderboardBuilder(Signer.Verifier verifier) {
        this.verifier = verifier;
    }

    /** Adds a results folder (searched below), a result file or a history file. */
    public LeaderboardBuilder add(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".jsonl") || name.matches("day\\d{2}\\.json") || name.equals("grades.json")) {
                        add(p);
                    }
                }
            }
        } else if (!Files.exists(path)) {
            problems.add(new Leaderboard.Problem(path.toString(), "no such file or folder"));
        } else if (path.getFileName().toString().endsWith(".jsonl")) {
            addHistory(path);
        } else {
            addResult(path);
        }
        return this;
    }

    private void addResult(Path file) {
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(new Leaderboard.Problem(file.toString(), "not valid JSON: " + firstLine(e.getMessage())));
            return;
        }
        if (node != null && GRADE_SCHEMA.equals(node.path("schema").asText())) {
            // What 'judge grade' writes: each day's result, each signed on its own when a grader signed them.
            JsonNode days = node.path("days");
            for (int i = 0; i < days.size(); i++) {
                accept(days.get(i), file + ": days[" + i + "]", days.get(i).path("title").asText(null));
            }
            return;
        }
        if (node == null || !Result.SCHEMA.equals(node.path("schema").asText())) {
            problems.add(new Leaderboard.Problem(file.toString(), "not a judge result (schema is neither "
                    + Result.SCHEMA + " nor " + GRADE_SCHEMA + ")"));
            return;
        }
        accept(node, file.toString(), node.path("title").asText(null));
    }

    private void addHistory(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problems.add(new Leaderboard.Problem(file.toString(), "cannot read: " + e.getMessage()));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                accept(JSON.readTree(line), file + ":" + (i + 1), null);
            } catch (IOException e) {
                problems.add(new Leaderboard.Problem(file + ":" + (i + 1), "not valid JSON"));
            }
        }
    }

    private void accept(JsonNode node, String source, String title) {
        String learner = node.path("who").asText("");
        int day = node.path("day").asInt(0);
        String verdict = node.path("verdict").asText("");
        JsonNode score = node.has("score") && node.get("score").isObject() ? node.get("score").get("total")
                : node.get("score");
        String at = node.path("judgedAt").asText("");
        if (learner.isEmpty() || day < 1 || day > 30 || verdict.isEmpty() || score == null || !score.isNumber()
                || parse(at) == null) {
            problems.add(new Leaderboard.Problem(source, "missing or invalid who, day, verdict, score or judgedAt"));
            return;
        }
        Signer.Rejection rejected = verifier == null ? null : verifier.check(node);
        if (rejected != null) {
            excluded.add(new Leaderboard.Excluded(source, learner, day, rejected.reason));
            return;
        }
        if (title != null) {
            titles.put(day, title);
        }
        Attempt a = new Attempt(learner, day, title, at, verdict, score.asDouble(), source);
        if (seen.add(a.identity())) {
            attempts.add(a);
        }
    }

    public Leaderboard build(Instant now) {
        Map<String, List<Attempt>> byLearner = new TreeMap<>();
        attempts.forEach(a -> byLearner.computeIfAbsent(a.learner(), k -> new ArrayList<>()).add(a));
        Set<Integer> allDays = new TreeSet<>();
        attempts.forEach(a -> allDays.add(a.day()));
        List<Leaderboard.Row> unranked = new ArrayList<>();
        for (var e : byLearner.entrySet()) {
            unranked.add(row(e.getKey(), e.getValue(), now));
        }
        unranked.sort(Comparator.comparingDouble(Leaderboard.Row::total).reversed()
                .thenComparing(Comparator.comparingInt(Leaderboard.Row::solved).reversed())
                .thenComparing(Leaderboard.Row::learner));
        List<Leaderboard.Row> rows = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Leaderboard.Row r = unranked.get(i);
            Leaderboard.Row previous = rows.isEmpty() ? null : rows.getLast();
            int rank = previous != null && previous.total() == r.total() && previous.solved() == r.solved()
                    ? previous.rank() : i + 1;
            rows.add(new Leaderboard.Row(rank, r.learner(), r.total(), r.solved(), r.streak(), r.longestStreak(),
                    r.days()));
        }
        List<Leaderboard.Day> days = allDays.stream()
                .map(d -> new Leaderboard.Day(d, titles.getOrDefault(d, "Day " + d))).toList();
        return new Leaderboard(Leaderboard.SCHEMA, now.toString(), verifier != null, days, rows, excluded, problems);
    }

    private static Leaderboard.Row row(String learner, List<Attempt> mine, Instant now) {
        Map<Integer, List<Attempt>> byDay = new TreeMap<>();
        mine.forEach(a -> byDay.computeIfAbsent(a.day(), k -> new ArrayList<>()).add(a));
        List<Leaderboard.Cell> cells = new ArrayList<>();
        Set<LocalDate> acceptedDates = new TreeSet<>();
        double total = 0;
        int solved = 0;
        for (var e : byDay.entrySet()) {
            List<Attempt> list = e.getValue();
            Attempt best = list.stream().max(Comparator.comparingDouble(Attempt::score)
                    .thenComparing(a -> parse(a.judgedAt()))).orElseThrow();
            String firstAccepted = list.stream().filter(a -> a.verdict().equals("ACCEPTED"))
                    .map(Attempt::judgedAt).min(Comparator.comparing(LeaderboardBuilder::parse)).orElse(null);
            if (firstAccepted != null) {
                solved++;
                acceptedDates.add(parse(firstAccepted).atZone(ZoneOffset.UTC).toLocalDate());
            }
            total += best.score();
            cells.add(new Leaderboard.Cell(e.getKey(), best.score(), best.verdict(), list.size(), firstAccepted));
        }
        int[] streaks = streaks(acceptedDates, now.atZone(ZoneOffset.UTC).toLocalDate());
        return new Leaderboard.Row(0, learner, Math.round(total * 100) / 100.0, solved, streaks[0], streaks[1],
                cells);
    }

    /** {current, longest} runs of consecutive dates; the current run must end today or yesterday. */
    static int[] streaks(Set<LocalDate> dates, LocalDate today) {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate d : dates) {
            run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = d;
        }
        boolean current = previous != null && !previous.isBefore(today.minusDays(1));
        return new int[] {current ? run : 0, longest};
    }

    private static Instant parse(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /**
     * One line for everything left out and why, counted by reason (the names are in the board's
     * {@code excluded} and {@code problems}), or null when nothing was.
     */
    public static String summary(Leaderboard board) {
        if (board.excluded().isEmpty() && board.problems().isEmpty()) {
            return null;
        }
        Map<String, Integer> reasons = new TreeMap<>();
        board.excluded().forEach(e -> reasons.merge(e.reason(), 1, Integer::sum));
        StringBuilder line = new StringBuilder("left out ").append(board.excluded().size()).append(" result")
                .append(board.excluded().size() == 1 ? "" : "s");
        if (!reasons.isEmpty()) {
            line.append(": ");
            line.append(String.join("; ", reasons.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .toList()));
        }
        if (!board.problems().isEmpty()) {
            line.append("; skipped ").append(board.problems().size()).append(" unreadable or foreign input")
                    .append(board.problems().size() == 1 ? "" : "s").append(" (first: ")
                    .append(board.problems().getFirst().source()).append(": ")
                    .append(board.problems().getFirst().message()).append(")");
        }
        return line.append(". Each is listed under 'excluded' and 'problems' in the JSON board.").toString();
    }

    /** For tests and the benchmark: the attempts read so far, by learner. */
    Map<String, Integer> attemptCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        attempts.forEach(a -> out.merge(a.learner(), 1, Integer::sum));
        return out;
    }
}
