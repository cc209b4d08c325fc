package katajudge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import katajudge.grade.Grading;
import katajudge.report.Result;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import katajudge.score.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "grade", sortOptions = false,
        description = {
                "Grades a learner's module over many days, for CI: builds it once, judges every day it implements (or the days asked for, naming those not done), and writes JUnit XML (a suite per day: a case per hidden test, plus speedup and hygiene), one JSON of all days, a Markdown summary (appended to $GITHUB_STEP_SUMMARY when set), error annotations at the learner's file and line on GitHub Actions, and a 'Points x/y' line.",
                "",
                "Learner output is fenced so it cannot run CI workflow commands. Exit code: 1 when --min-score or --require-days is not met, 0 otherwise (2 bad input, 3 judge fault)."},
        footerHeading = "%nExamples:%n",
        footer = {"  judge grade --module submissions/alice --junit grades.xml --json grades.json",
                "  judge grade --module . --days 1-5 --require-days 1-3 --min-score 60"})
final class GradeCommand extends JudgeCommand {

    @Option(names = "--module", required = true, paramLabel = "DIR", description = "The learner's module.")
    Path module;

    @Option(names = "--who", paramLabel = "NAME", description = "The learner (default: the module's folder name).")
    String who;

    @Option(names = "--days", paramLabel = "LIST", description = "Days to grade, like 1-5,8 (default: every day "
            + "the module implements).")
    String days;

    @Option(names = "--junit", paramLabel = "FILE", description = "JUnit XML report (default: grades.xml).")
    Path junit = Path.of("grades.xml");

    @Option(names = "--json", paramLabel = "FILE", description = "All days' results (default: grades.json).")
    Path json = Path.of("grades.json");

    @Option(names = "--min-score", paramLabel = "PERCENT", description = "Fail unless the points reach this "
            + "share of the maximum.")
    Double minScore;

    @Option(names = "--require-days", paramLabel = "LIST", description = "Fail unless these days are ACCEPTED.")
    String requireDays;

    @picocli.CommandLine.Mixin
    LimitScale limitScale;

    @Override
    public Integer call() throws Exception {
        JudgeHome home = home();
        home.checkBuilt();
        if (!Files.isDirectory(module)) {
            throw new BadInputException("no module folder at " + module);
        }
        Path abs = module.toAbsolutePath().normalize();
        String name = who != null ? who : abs.getFileName().toString();
        Set<Integer> chosen = Grading.parseDays(days);
        Set<Integer> required = Grading.parseDays(requireDays);
        boolean tty = System.console() != null && System.console().isTerminal() && System.getenv("CI") == null;
        Grading grading = new Grading(home, abs, name, out(), tty, limitScale.factor);
        Grading.Outcome o = grading.grade(chosen);
        grading.writeJUnit(o, junit);
        grading.writeJson(o, json);
        grading.appendStepSummary(o);
        grading.printDetails(o, Grading.CiOutputAccess.forThisCi(out()));
        if (!o.notDone().isEmpty()) {
            out().println("Not done yet: days " + o.missing() + " (0 points each)");
        }
        out().printf("Points %s/%d%n", o.points() == Math.rint(o.points()) ? String.valueOf((long) o.points())
                : String.valueOf(o.points()), o.maxPoints());
        out().println("Reports  " + junit + ", " + json);
        if (o.results().stream().anyMatch(r -> r.verdict() == Verdict.JUDGE_ERROR)) {
            return JudgeCli.JUDGE_FAULT;
        }
        boolean failed = false;
        if (minScore != null && o.maxPoints() > 0 && 100.0 * o.points() / o.maxPoints() < minScore) {
            out().printf("grade: %.1f%% is below the required %.1f%%%n", 100.0 * o.points() / o.maxPoints(),
                    minScore);
            failed = true;
        }
        for (int d : required) {
            boolean accepted = o.results().stream().anyMatch(r -> r.day() == d && r.verdict() == Verdict.ACCEPTED);
            if (!accepted) {
                out().println("grade: day " + d + " is required and not ACCEPTED ("
                        + o.results().stream().filter(r -> r.day() == d).map(Result::verdict).findFirst()
                        .map(Enum::name).orElse("not done") + ")");
                failed = true;
            }
        }
        return failed ? JudgeCli.MISMATCH : JudgeCli.OK;
    }
}
