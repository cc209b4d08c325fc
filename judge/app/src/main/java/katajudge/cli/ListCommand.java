package katajudge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import katajudge.report.ResultStore;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import katajudge.spec.Problem;
import katajudge.spec.ProblemSet;
import katajudge.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "Lists the days with their titles and the learner's best and latest verdict and score, and how many days are solved.")
final class ListCommand extends JudgeCommand {

    @Mixin
    Learner learner;

    /** One attempt of one day, as the history keeps it. */
    private record Attempt(String verdict, double score) {}

    /** A table row: the day's figures, or the reason the day could not be read. */
    private record Row(String day, String title, String best, String latest) {}

    @Override
    public Integer call() throws Exception {
        JudgeHome home = home();
        String who = learner.or("starter");
        Path folder = home.projectRoot().resolve("submissions").resolve(who);
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("no learner '" + who + "' (no folder " + home.projectRoot().relativize(folder)
                    + "): start one with 'make new WHO=" + who + "'");
        }
        Map<Integer, List<Attempt>> attempts = history(new ResultStore(folder.resolve("results")));
        ProblemSet set = new ProblemSet(home.problemsDir());
        List<Row> rows = new ArrayList<>();
        int solved = 0;
        int days = 0;
        for (Path dir : set.dayFolders()) {
            try {
                Problem p = set.read(dir);
                days++;
                List<Attempt> tried = attempts.getOrDefault(p.day(), List.of());
                Attempt best = tried.stream().reduce((a, b) -> b.score() >= a.score() ? b : a).orElse(null);
                Attempt latest = tried.isEmpty() ? null : tried.getLast();
                if (tried.stream().anyMatch(a -> a.verdict().equals("ACCEPTED"))) {
                    solved++;
                }
                rows.add(new Row(String.valueOf(p.day()), p.spec().title(), shown(best, tried.size()), shown(latest, 0)));
            } catch (SpecException e) {
                rows.add(new Row("?", "broken: " + e.getMessage(), "", ""));
            }
        }
        int titleWidth = Math.max(5, rows.stream().mapToInt(r -> r.title().length()).max().orElse(0));
        int bestWidth = Math.max(4, rows.stream().mapToInt(r -> r.best().length()).max().orElse(0));
        String format = "%-3s  %-" + titleWidth + "s  %-" + bestWidth + "s  %s%n";
        out().printf(format, "Day", "Title", "Best", "Latest");
        rows.forEach(r -> out().printf(format, r.day(), r.title(), r.best(), r.latest()));
        out().printf("%s: %d/%d solved (ACCEPTED at least once)%n", who, solved, days);
        out().flush();
        return JudgeCli.OK;
    }

    private static String shown(Attempt a, int attempts) {
        if (a == null) {
            return "-";
        }
        String score = a.score() == Math.rint(a.score()) ? String.valueOf((long) a.score()) : String.format("%.1f", a.score());
        return a.verdict() + " " + score + (attempts > 1 ? " (" + attempts + " tries)" : "");
    }

    /** Every attempt per day, oldest first, from history.jsonl; unreadable lines are skipped. */
    private static Map<Integer, List<Attempt>> history(ResultStore store) throws java.io.IOException {
        Map<Integer, List<Attempt>> byDay = new HashMap<>();
        for (String line : store.historyLines()) {
            try {
                JsonNode n = ResultStore.JSON.readTree(line);
                if (n.hasNonNull("day") && n.hasNonNull("verdict")) {
                    byDay.computeIfAbsent(n.get("day").asInt(), d -> new ArrayList<>())
                            .add(new Attempt(n.get("verdict").asText(), n.path("score").asDouble()));
                }
            } catch (java.io.IOException e) {
                // a damaged line is one lost attempt, not a broken list
            }
        }
        return byDay;
    }
}
