package katajudge.grade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import katajudge.Judge;
import katajudge.bundle.Starter;
import katajudge.report.ConsoleReport;
import katajudge.report.Result;
import katajudge.report.ResultStore;
import katajudge.report.Style;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import katajudge.run.ModuleBuilder;
import katajudge.run.RunRequest;
import katajudge.run.Submission;
import katajudge.score.Verdict;
import katajudge.spec.Problem;
import katajudge.spec.ProblemSet;
import katajudge.spec.SpecException;
import katas.support.ImplementationFinder;

/**
 * Grades a learner's module over many days, for a teacher's CI: builds it
 * once, judges each day present (or those asked for), and writes JUnit XML,
 * a Markdown summary, annotations, a points total and one JSON of all days.
 */
public final class Grading {

    /** What grading found: every day's result, the days asked for but not done, and the points. */
    public record Outcome(List<Result> results, List<NotDone> notDone, double points, int maxPoints) {
        /** The days not done, by number. */
        public List<Integer> missing() {
            return notDone.stream().map(NotDone::day).toList();
        }
    }

    /** A day asked for but not started: one line, scored 0, no JVM started for it. */
    public record NotDone(int day, String problem, String title, String why) {}

    private final JudgeHome home;
    private final Path module;
    private final String who;
    private final PrintWriter out;
    private final boolean tty;
    /** The judge's limit factor for every day: 1, or the slack {@code grade --limit-scale} gives. */
    private final double limitScale;

    public Grading(JudgeHome home, Path module, String who, PrintWriter out, boolean tty, double limitScale) {
        this.home = home;
        this.module = module;
        this.who = who;
        this.out = out;
        this.tty = tty;
        this.limitScale = limitScale;
    }

    public Outcome grade(Set<Integer> chosen) throws IOException, BadInputException {
        ProblemSet set = new ProblemSet(home.problemsDir());
        List<Problem> problems = new ArrayList<>();
        for (Path dir : set.dayFolders()) {
            try {
                Problem p = set.read(dir);
                if (chosen.isEmpty() || chosen.contains(p.day())) {
                    problems.add(p);
                }
            } catch (SpecException e) {
                out.println("grade: skipping a broken kata: " + e.getMessage());
            }
        }
        List<Result> results = new ArrayList<>();
        List<NotDone> notDone = new ArrayList<>();
        // Days still exactly the starter template are not done: said in one line each, never judged.
        Starter starter = Starter.of(home.problemsDir());
        List<Problem> started = new ArrayList<>();
        for (Problem p : problems) {
            if (starter.untouched(module, p.day())) {
                notDone.add(new NotDone(p.day(), p.slug(), p.spec().title(), "still the starter template"));
            } else {
                started.add(p);
            }
        }
        // One build for every day; when it fails, each day is built on its own (its package and the shared
        // code), so one broken day does not sink the others and each BUILD_FAILED names its own errors.
        java.util.Map<Integer, Path> jars = new java.util.HashMap<>();
        var whole = ModuleBuilder.build(module, home.apiJar());
        if (whole instanceof ModuleBuilder.Outcome.Built b) {
            started.forEach(p -> jars.put(p.day(), b.jar()));
        } else {
            for (Problem p : started) {
                var one = ModuleBuilder.build(module, home.apiJar(), p.spec().api());
                if (one instanceof ModuleBuilder.Outcome.Built b) {
                    Path kept = b.jar().resolveSibling(String.format("day%02d.jar", p.day()));
                    Files.copy(b.jar(), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    jars.put(p.day(), kept);
                } else {
                    Result r = Judge.buildFailed(p, who, module.toString(),
                            ((ModuleBuilder.Outcome.Failed) one).errors());
                    results.add(r);
                    out.printf("day %2d  %-16s %6.1f  %7s  %s%n", p.day(), r.verdict(), 0.0, "", p.spec().title());
                }
            }
        }
        java.util.Map<Path, List<katas.support.ClassInfo>> scanned = new java.util.HashMap<>();
        List<Problem> present = new ArrayList<>();
        for (Problem p : started) {
            Path jar = jars.get(p.day());
            if (jar == null) {
                continue;
            }
            if (!scanned.containsKey(jar)) {
                scanned.put(jar, ImplementationFinder.scan(jar));
            }
            if (ImplementationFinder.find(scanned.get(jar), p.spec().api()) instanceof ImplementationFinder.Outcome.None) {
                notDone.add(new NotDone(p.day(), p.slug(), p.spec().title(), "no class implements " + p.spec().api()));
            } else {
                present.add(p);
            }
        }
        notDone.sort(java.util.Comparator.comparingInt(NotDone::day));
        for (NotDone n : notDone) {
            out.printf("day %2d  %-16s %6.1f  %7s  %s (%s)%n", n.day(), "not done", 0.0, "", n.title(), n.why());
        }
        long start = System.nanoTime();
        for (int i = 0; i < present.size(); i++) {
            Problem p = present.get(i);
            progress(i, present.size(), p, start);
            Result r;
            try {
                Submission s = Submission.inspect(jars.get(p.day()), p.spec().api());
                r = Judge.judge(RunRequest.builder().home(home).problem(p).submission(s).limitScale(limitScale).build(), who);
            } catch (BadInputException e) {
                out.println((tty ? "\r\u001b[K" : "") + "day " + p.day() + ": not judged: " + e.getMessage());
                notDone.add(new NotDone(p.day(), p.slug(), p.spec().title(), e.getMessage()));
                continue;
            }
            // Not saved into the module's results: a grader's run is not one of the learner's attempts.
            results.add(r);
            out.printf("%sday %2d  %-16s %6.1f  %5.1f s  %s%n", tty ? "\r\u001b[K" : "", p.day(), r.verdict(),
                    r.score().total(), r.timing().wallMillis() / 1000.0, p.spec().title());
        }
        return outcome(results, notDone, problems.size());
    }

    private void progress(int done, int total, Problem p, long start) {
        if (!tty) {
            return;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String left = done == 0 ? "" : String.format(", about %.0f s left", elapsed / done * (total - done));
        out.printf("\r\u001b[Kjudging day %d (%d of %d%s)...", p.day(), done + 1, total, left);
        out.flush();
    }

    private static Outcome outcome(List<Result> results, List<NotDone> notDone, int asked) {
        double points = results.stream().mapToDouble(r -> r.score().total()).sum();
        return new Outcome(results, notDone, Math.round(points * 10) / 10.0, 100 * asked);
    }

    // ------------------------------------------------------------------ outputs

    public void writeJUnit(Outcome o, Path file) throws IOException {
        Files.writeString(file, JUnitXml.render(o.results(), o.notDone()));
    }

    public void writeJson(Outcome o, Path file) throws IOException {
        ObjectNode all = ResultStore.JSON.createObjectNode().put("schema", "katas-judge/grade/v1").put("who", who)
                .put("points", o.points()).put("maxPoints", o.maxPoints());
        all.set("missing", ResultStore.JSON.valueToTree(o.missing()));
        all.set("notDone", ResultStore.JSON.valueToTree(o.notDone()));
        all.set("days", ResultStore.JSON.valueToTree(o.results()));
        ResultStore.JSON.writeValue(file.toFile(), all);
    }

    public String markdown(Outcome o) {
        StringBuilder md = new StringBuilder("## Concurrency katas: " + who + "\n\n");
        md.append(String.format("**Points %s/%d**%n%n", num(o.points()), o.maxPoints()));
        md.append("| day | kata | verdict | score | why |\n|---:|---|---|---:|---|\n");
        for (Result r : o.results()) {
            String why = r.findings().isEmpty() ? "" : r.findings().getFirst().headline();
            md.append(String.format("| %d | %s | %s %s | %s | %s |%n", r.day(), cell(r.title()), icon(r.verdict()),
                    r.verdict(), num(r.score().total()), cell(why)));
        }
        if (!o.notDone().isEmpty()) {
            md.append("\nNot done yet (0 points): days ").append(o.missing()).append('\n');
        }
        return md.toString();
    }

    public void appendStepSummary(Outcome o) throws IOException {
        String file = System.getenv("GITHUB_STEP_SUMMARY");
        if (file != null && !file.isBlank()) {
            Files.writeString(Path.of(file), markdown(o), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Full reports of the days that were not accepted, fenced off from the CI's command parser. */
    public void printDetails(Outcome o, CiOutputAccess ci) {
        ci.begin();
        ConsoleReport report = new ConsoleReport(out, tty ? Style.detect() : new Style(false));
        for (Result r : o.results()) {
            if (r.verdict() != Verdict.ACCEPTED) {
                out.println();
                report.print(r);
            }
        }
        ci.end();
        for (Result r : o.results()) {
            ci.annotate(r, module);
        }
    }

    /** The CI side of printing, so grading itself stays free of CI vendors' rules. */
    public interface CiOutputAccess {
        void begin();

        void end();

        void annotate(Result r, Path module);

        static CiOutputAccess forThisCi(PrintWriter out) {
            CiOutput ci = new CiOutput(out, CiOutput.onGitHub());
            return new CiOutputAccess() {
                public void begin() {
                    ci.beginUntrusted();
                }

                public void end() {
                    ci.endUntrusted();
                }

                public void annotate(Result r, Path module) {
                    ci.annotate(r, module);
                }
            };
        }
    }

    /** Days written as "1,3,5-7". */
    public static Set<Integer> parseDays(String text) throws BadInputException {
        Set<Integer> days = new TreeSet<>();
        if (text == null || text.isBlank() || text.equals("all")) {
            return days;
        }
        for (String part : text.split(",")) {
            String[] range = part.trim().split("-");
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                if (from < 1 || to > 30 || from > to) {
                    throw new NumberFormatException();
                }
                for (int d = from; d <= to; d++) {
                    days.add(d);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new BadInputException("days '" + text + "': use numbers 1..30 like 1,3,5-7");
            }
        }
        return days;
    }

    private static String icon(Verdict v) {
        return v == Verdict.ACCEPTED ? "✅" : v == Verdict.SLOW || v.name().contains("THREAD") || v == Verdict.BUSY_WAIT
                ? "🟡" : "❌";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
