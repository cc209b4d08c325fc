package katajudge.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import katajudge.protocol.Event;
import katajudge.protocol.Frame;
import katajudge.protocol.TestStatus;
import katajudge.protocol.ThreadSnapshot;
import katajudge.run.Observation;
import katajudge.spec.ProblemSpec;

/**
 * Turns what the child reported into a verdict and a score, by the rules in
 * the README: correctness is the share of hidden tests passed; speedup
 * compares medians of interleaved runs with the target; hygiene loses points
 * for leaks, surplus threads, busy waiting and refused exits.
 */
public final class Scorer {

    private Scorer() {}

    public static Judgement score(ProblemSpec spec, Observation seen) {
        List<Finding> findings = new ArrayList<>();
        List<Judgement.TestOutcome> tests = tests(spec, seen);
        runFindings(spec, seen, findings);
        testFindings(tests, findings);
        Judgement.ThreadFigures threads = threadFindings(spec, seen, findings);
        Judgement.SpeedupFigures speedup = speedupFindings(spec, seen, tests, findings);

        long passed = tests.stream().filter(t -> t.status().passed()).count();
        double passShare = tests.isEmpty() ? 0 : (double) passed / tests.size();
        ProblemSpec.Weights w = spec.weights();
        double correctness = w.correctness() * passShare;
        double speedPoints = speedup == null || speedup.error() != null ? 0
                : w.speedup() * clamp((speedup.ratio() - 1) / (speedup.target() - 1)) * passShare;
        double hygiene = w.hygiene() * hygieneShare(findings,
                seen.all(Event.Refused.class).stream().map(Event.Refused::kind).toList())
                * (passShare > 0 ? 1 : 0);
        Verdict verdict = findings.stream().map(Finding::verdict).min(Comparator.naturalOrder())
                .orElse(Verdict.ACCEPTED);
        if (verdict == Verdict.JUDGE_ERROR) {
            correctness = speedPoints = hygiene = 0;
        }
        double total = round(correctness + speedPoints + hygiene);
        Judgement.Score score = new Judgement.Score(total, round(correctness), w.correctness(), round(speedPoints),
                w.speedup(), round(hygiene), w.hygiene());
        findings.sort(Comparator.comparing(Finding::verdict));
        return new Judgement(verdict, score, tests, findings, speedup, threads);
    }

    /** Every planned test, finished or not: a test cut short by an abort counts as not passed. */
    private static List<Judgement.TestOutcome> tests(ProblemSpec spec, Observation seen) {
        List<Judgement.TestOutcome> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (Event.TestFinished t : seen.all(Event.TestFinished.class)) {
            done.add(t.name());
            out.add(new Judgement.TestOutcome(t.name(), t.status(), t.millis(), spec.limits().testTimeoutMs(),
                    t.message(), t.exception(), t.stack(), t.output()));
        }
        // The test the run was stopped in is named as such, not as one the run never reached.
        Map<String, Judgement.TestOutcome> stoppedIn = new HashMap<>();
        long limit = spec.limits().testTimeoutMs();
        for (Event.Deadlock d : seen.all(Event.Deadlock.class)) {
            stoppedIn.putIfAbsent(d.phase(), new Judgement.TestOutcome(d.phase(), TestStatus.DEADLOCKED, 0, limit,
                    "deadlocked: every thread waited forever, so the run was stopped here (see DEADLOCK)", null,
                    List.of(), ""));
        }
        for (Event.Timeout t : seen.all(Event.Timeout.class)) {
            stoppedIn.putIfAbsent(t.phase(), new Judgement.TestOutcome(t.phase(), TestStatus.TIMED_OUT, t.elapsedMs(),
                    limit, "ran past its " + t.limitMs() + " ms limit and was stopped (see TIME_LIMIT)", null,
                    List.of(), ""));
        }
        for (Event.TooManyThreads t : seen.all(Event.TooManyThreads.class)) {
            stoppedIn.putIfAbsent(t.phase(), new Judgement.TestOutcome(t.phase(), TestStatus.CAPPED, 0, limit,
                    t.live() + " threads alive at once: the run was stopped here (see TOO_MANY_THREADS)",
                    null, List.of(), ""));
        }
        for (Event.Planned planned : seen.all(Event.Planned.class)) {
            for (String name : planned.tests()) {
                if (done.add(name)) {
                    out.add(stoppedIn.getOrDefault(name, new Judgement.TestOutcome(name, TestStatus.NOT_RUN, 0, limit,
                            "not run: the run was stopped before this test", null, List.of(), "")));
                }
            }
        }
        return out;
    }

    private static void runFindings(ProblemSpec spec, Observation seen, List<Finding> findings) {
        for (Event.Fault f : seen.all(Event.Fault.class)) {
            findings.add(Finding.of(Verdict.JUDGE_ERROR, f.message()));
        }
        if (seen.first(Event.Started.class) == null) {
            findings.add(Finding.of(Verdict.JUDGE_ERROR, "the child JVM did not start (exit code "
                    + seen.exitCode() + ")", seen.stderrTail().lines().limit(20).toArray(String[]::new)));
            return;
        }
        for (Event.Deadlock d : seen.all(Event.Deadlock.class)) {
            List<String> details = new ArrayList<>();
            details.add("in " + d.phase());
            if (!d.cycle().isEmpty()) {
                details.add("wait-for cycle: " + String.join(" -> ", d.cycle()));
            }
            findings.add(new Finding(Verdict.DEADLOCK, d.summary(), details, d.threads()));
        }
        for (Event.Timeout t : seen.all(Event.Timeout.class)) {
            findings.add(new Finding(Verdict.TIME_LIMIT, t.phase() + " ran " + t.elapsedMs() + " ms, over its "
                    + t.limitMs() + " ms limit", List.of("threads at the limit, with where each one is now:"),
                    t.threads()));
        }
        // The kernel's limits hold where the JVM's did not (native memory, threads it never saw start).
        for (Event.KernelLimit k : seen.all(Event.KernelLimit.class)) {
            findings.add(k.limit() == Event.KernelLimit.Kind.MEMORY
                    ? Finding.of(Verdict.MEMORY_LIMIT, "your code used more memory than the judging may (heap and "
                            + "native together): the kernel ended the JVM at " + k.detail(),
                            "thread stacks, direct buffers and classes count besides the heap")
                    : Finding.of(Verdict.TOO_MANY_THREADS, "your code started more threads and processes than the "
                            + "judging may: the kernel refused the one past " + k.detail()));
        }
        // A run the child already stopped (a deadlock, a time limit, the thread cap) ends the way it ends:
        // a thread bomb that fills the heap, or takes past the run's limit to halt, is the bomb. So does one
        // the kernel stopped at a limit.
        boolean stoppedFirst = seen.first(Event.Timeout.class) != null || seen.first(Event.Deadlock.class) != null
                || seen.first(Event.TooManyThreads.class) != null || seen.first(Event.KernelLimit.class) != null;
        if (seen.killed() && !stoppedFirst) {
            findings.add(Finding.of(Verdict.TIME_LIMIT, "the whole run took more than its " + seen.runLimitMs()
                    + " ms limit and was stopped"));
        }
        for (Event.TooManyThreads t : seen.all(Event.TooManyThreads.class)) {
            List<String> details = new ArrayList<>();
            if (t.jdkHelpers() > 0) {
                details.add(t.jdkHelpers() + " of them are threads the JDK started for your calls (each new "
                        + "HttpClient starts a selector thread of its own, each new Cleaner a thread): make one "
                        + "and share it");
            }
            if (!t.sample().isEmpty()) {
                details.add("some of them, with where they were created:");
            }
            findings.add(new Finding(Verdict.TOO_MANY_THREADS, t.live() + " threads alive at once in "
                    + t.phase() + ": the run was stopped at the cap of " + t.cap(), details, t.sample()));
        }
        for (Event.Refused e : seen.all(Event.Refused.class)) {
            List<String> details = new ArrayList<>(List.of("in " + e.phase() + ", refused; called from:"));
            details.addAll(e.stack().stream().map(Frame::parse).filter(Frame::learner).map(f -> "  " + f.text())
                    .toList());
            findings.add(new Finding(Verdict.RUNTIME_ERROR, "your code tried " + e.detail(), details, List.of()));
        }
        for (String t : seen.tampering()) {
            findings.add(Finding.of(Verdict.RUNTIME_ERROR, "the judge's result channel was tampered with: " + t,
                    "only the judge writes to the result channel; what your code did there counts as failed"));
        }
        if (!seen.finished() && !seen.killed() && !stoppedFirst && outOfMemory(seen)) {
            findings.add(Finding.of(Verdict.MEMORY_LIMIT, "your code ran out of memory (the run ends at the first "
                    + "OutOfMemoryError, even a caught one)", seen.stderrTail().lines()
                    .filter(l -> l.contains("OutOfMemoryError")).limit(5).toArray(String[]::new)));
        } else if (!seen.finished() && !seen.killed() && !stoppedFirst) {
            findings.add(Finding.of(Verdict.RUNTIME_ERROR, "the JVM running your code ended unexpectedly (exit code "
                    + seen.exitCode() + ")", seen.stderrTail().lines().limit(20).toArray(String[]::new)));
        }
    }

    /** The child runs with -XX:+ExitOnOutOfMemoryError: exit code 3 and the JVM's own line on stderr. */
    private static boolean outOfMemory(Observation seen) {
        return seen.exitCode() == 3 && seen.stderrTail().contains("Terminating due to java.lang.OutOfMemoryError");
    }

    /**
     * A test that threw: its code's fault, or a limit. An OutOfMemoryError is the memory limit, unless the
     * system refused a thread (the kernel's task limit, a process limit): too many threads, whatever the JVM
     * calls it.
     */
    private static Verdict errorVerdict(Judgement.TestOutcome t) {
        if (!"java.lang.OutOfMemoryError".equals(t.exception())) {
            return Verdict.RUNTIME_ERROR;
        }
        return t.message() != null && t.message().contains("unable to create native thread")
                ? Verdict.TOO_MANY_THREADS : Verdict.MEMORY_LIMIT;
    }

    private static void testFindings(List<Judgement.TestOutcome> tests, List<Finding> findings) {
        boolean anyPassed = tests.stream().anyMatch(t -> t.status().passed());
        boolean anyTodo = tests.stream().anyMatch(t -> t.status() == TestStatus.NOT_IMPLEMENTED);
        if (anyTodo && !anyPassed) {
            findings.add(Finding.of(Verdict.NOT_IMPLEMENTED, "the template still throws its TODO",
                    "replace the UnsupportedOperationException with your solution (see the day's README.md)"));
            return;
        }
        for (Judgement.TestOutcome t : tests) {
            Verdict v = switch (t.status()) {
                case FAILED, NOT_IMPLEMENTED -> Verdict.WRONG_ANSWER;
                case ERROR -> errorVerdict(t);
                case PASSED, SKIPPED, NOT_RUN, DEADLOCKED, TIMED_OUT, CAPPED -> null; // their findings say why
            };
            if (v != null) {
                String what = v == Verdict.WRONG_ANSWER ? "failed" : "threw " + t.exception();
                findings.add(Finding.of(v, t.name() + " " + what + (t.message() == null ? "" : ": " + t.message())));
            }
        }
    }

    private static Judgement.ThreadFigures threadFindings(ProblemSpec spec, Observation seen,
                                                          List<Finding> findings) {
        int leaked = 0;
        for (Event.ThreadLeak leak : seen.all(Event.ThreadLeak.class)) {
            leaked += leak.threads().size();
            boolean forbid = spec.hygiene().leaks().equals("forbid");
            findings.add(new Finding(forbid ? Verdict.THREAD_LEAK : null, leak.threads().size() + " thread"
                    + (leak.threads().size() == 1 ? "" : "s") + " still alive after " + leak.phase(),
                    List.of("each with where it was created and where it is stuck now:"), leak.threads()));
        }
        findings.removeIf(f -> f.verdict() == null);
        for (Event.BusyWait b : seen.all(Event.BusyWait.class)) {
            ThreadSnapshot t = b.thread();
            findings.add(new Finding(Verdict.BUSY_WAIT, "thread '" + t.name() + "' used " + Math.round(b.cpuShare() * 100)
                    + "% of a CPU for " + b.windowMs() + " ms in " + b.phase() + " while it should wait",
                    List.of("spinning at " + t.stuckAt() + ": block on a queue, latch or lock instead"), List.of(t)));
        }
        Event.ThreadTotals totals = seen.first(Event.ThreadTotals.class);
        if (totals == null) {
            return null;
        }
        int max = spec.hygiene().maxThreads();
        if (totals.peakLive() > max && seen.first(Event.TooManyThreads.class) == null) {
            // Which tests, how many, and (when the watchdog saw it) which threads, with their creation sites.
            List<String> details = new ArrayList<>();
            seen.all(Event.TestFinished.class).stream().filter(t -> t.peakThreads() > max)
                    .forEach(t -> details.add("in " + t.name() + ": " + t.peakThreads() + " alive at once"));
            List<Event.OverThreadLimit> over = seen.all(Event.OverThreadLimit.class);
            if (!over.isEmpty()) {
                details.add("some of them, seen in " + over.getFirst().phase() + ", with where they were created:");
            }
            findings.add(new Finding(Verdict.TOO_MANY_THREADS, totals.peakLive() + " of your threads were alive at "
                    + "once (" + totals.peakPlatform() + " of them platform threads); this kata needs at most " + max,
                    details, over.isEmpty() ? List.of() : over.getFirst().sample()));
        }
        return new Judgement.ThreadFigures(totals.startedPlatform(), totals.startedVirtual(), totals.peakLive(),
                totals.peakPlatform(), max, leaked);
    }

    private static Judgement.SpeedupFigures speedupFindings(ProblemSpec spec, Observation seen,
                                                            List<Judgement.TestOutcome> tests,
                                                            List<Finding> findings) {
        if (spec.speedup() == null) {
            return null;
        }
        double target = spec.speedup().target();
        Event.SpeedupMeasured m = seen.first(Event.SpeedupMeasured.class);
        if (m == null) {
            return new Judgement.SpeedupFigures(List.of(), List.of(), 0, target, "not measured: the run was stopped");
        }
        List<Double> base = m.baselineNanos().stream().map(n -> n / 1e6).toList();
        List<Double> sub = m.submissionNanos().stream().map(n -> n / 1e6).toList();
        if (m.notMeasured() != null) {
            return new Judgement.SpeedupFigures(base, sub, 0, target, "not measured: " + m.notMeasured());
        }
        if (m.error() != null || sub.isEmpty()) {
            String error = m.error() != null ? m.error() : "no run finished";
            Verdict v = m.assertionFailed() ? Verdict.WRONG_ANSWER : Verdict.RUNTIME_ERROR;
            findings.add(Finding.of(v, "the speedup workload failed on your solution: " + error));
            return new Judgement.SpeedupFigures(base, sub, 0, target, error);
        }
        double ratio = median(base) / median(sub);
        boolean allPassed = tests.stream().allMatch(t -> t.status().passed());
        if (ratio < target && allPassed) {
            findings.add(Finding.of(Verdict.SLOW, String.format(
                    "speedup %.2fx against the sequential baseline; the target is %.1fx", ratio, target),
                    String.format("median %.0f ms (baseline) vs %.0f ms (yours)", median(base), median(sub))));
        }
        return new Judgement.SpeedupFigures(base, sub, round(ratio), target, null);
    }

    /**
     * Hygiene share left after the findings, as the README states it: a leak
     * or an abort takes all; busy waiting, surplus threads and each kind of
     * refused call (an exit, a write...) take half each, once per kind: two
     * spinning threads are one busy-waiting fault, not two.
     */
    static double hygieneShare(List<Finding> findings, java.util.Collection<String> refusalKinds) {
        java.util.Set<String> halves = new java.util.HashSet<>();
        for (Finding f : findings) {
            switch (f.verdict()) {
                case THREAD_LEAK, DEADLOCK, TIME_LIMIT, MEMORY_LIMIT -> {
                    return 0;
                }
                case TOO_MANY_THREADS, BUSY_WAIT -> halves.add(f.verdict().name());
                default -> { }
            }
        }
        refusalKinds.forEach(k -> halves.add("refused " + k));
        return Math.max(0, 1.0 - 0.5 * halves.size());
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
