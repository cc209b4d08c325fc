package katajudge;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import katajudge.bundle.Provenance;
import katajudge.protocol.Event;
import katajudge.report.Condense;
import katajudge.report.Result;
import katajudge.run.ChildProcess;
import katajudge.run.DayScope;
import katajudge.run.ForbiddenApiScan;
import katajudge.run.Submission;
import katajudge.run.Observation;
import katajudge.run.RunRequest;
import katajudge.run.Sandbox;
import katajudge.score.Finding;
import katajudge.score.Judgement;
import katajudge.score.Scorer;
import katajudge.score.Verdict;
import katajudge.spec.Problem;

/**
 * The pipeline in one place: a {@link RunRequest} is run in a child JVM
 * (run, observe), scored against the problem's spec (score), and returned as
 * a {@link Result} (report).
 */
public final class Judge {

    private Judge() {}

    public static Result judge(RunRequest request, String who) throws IOException {
        // The day's code and what it uses, not every day's code of a learner's module: what is scanned is what
        // the child loads.
        DayScope scope = DayScope.of(request.submission().jar(), request.problem().spec().api());
        List<ForbiddenApiScan.Use> uses = ForbiddenApiScan.scan(scope, request.problem().spec().forbidden());
        if (!uses.isEmpty()) {
            return forbidden(request.problem(), who, request.submission(), uses);
        }
        long start = System.nanoTime();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Sandbox sandbox = Sandbox.decide();
        Result.Environment env = Result.Environment.current(sandbox.description());
        Observation seen = ChildProcess.run(request, scope, sandbox);
        Judgement j = Scorer.score(request.problem().spec(), seen);
        long testMillis = seen.all(Event.TestFinished.class).stream().mapToLong(Event.TestFinished::millis).sum();
        long speedupMillis = j.speedup() == null ? 0 : Math.round(
                j.speedup().baselineMillis().stream().mapToDouble(Double::doubleValue).sum()
                + j.speedup().submissionMillis().stream().mapToDouble(Double::doubleValue).sum());
        Result.Timing timing = new Result.Timing((System.nanoTime() - start) / 1_000_000, seen.wallMillis(),
                testMillis, speedupMillis, seen.runLimitMs(), request.limitScale());
        Problem p = request.problem();
        // Condensed: one finding per cause, trimmed stacks, a bounded file (see Condense).
        return Condense.of(new Result(Result.SCHEMA, who, p.day(), p.slug(), p.spec().title(), at.toString(),
                request.submission().jar().toString(), request.submission().implementation(), j.verdict(),
                j.verdict().meaning(), j.score(), j.tests(), j.findings(), j.speedup(), j.threads(), timing, env,
                Provenance.of(p.dir().getParent())));
    }

    /** The result of a module that did not compile: no run, the compiler's errors as the finding. */
    public static Result buildFailed(Problem p, String who, String module, List<String> errors) {
        return withoutRun(p, who, null, null, new Finding(Verdict.BUILD_FAILED,
                "your module " + module + " does not compile", errors, List.of()));
    }

    /** The result of a submission that uses forbidden APIs: no run, each use with its class, method and line. */
    public static Result forbidden(Problem p, String who, Submission s, List<ForbiddenApiScan.Use> uses) {
        List<String> details = new java.util.ArrayList<>();
        details.add(p.spec().forbidden().why());
        uses.stream().limit(20).forEach(u -> details.add(u.toString()));
        return withoutRun(p, who, s.jar().toString(), s.implementation(), new Finding(Verdict.FORBIDDEN_API,
                uses.size() + " use" + (uses.size() == 1 ? "" : "s") + " of forbidden APIs", details, List.of()));
    }

    private static Result withoutRun(Problem p, String who, String jar, String impl, Finding f) {
        var w = p.spec().weights();
        return new Result(Result.SCHEMA, who, p.day(), p.slug(), p.spec().title(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), jar, impl, f.verdict(),
                f.verdict().meaning(),
                new Judgement.Score(0, 0, w.correctness(), 0, w.speedup(), 0, w.hygiene()), List.of(), List.of(f),
                null, null, new Result.Timing(0, 0, 0, 0, 0, 1.0), Result.Environment.current("not run"),
                Provenance.of(p.dir().getParent()));
    }
}
