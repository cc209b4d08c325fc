package katajudge.report;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import katajudge.protocol.ThreadSnapshot;
import katajudge.score.Finding;
import katajudge.score.Judgement;
import katajudge.score.Verdict;

/**
 * Prints a result the way a contest judge would, for a person: the verdict
 * and score first, then each test, the speedup with its figures, thread
 * totals, and every finding with the threads behind it (created where,
 * stuck where).
 */
public final class ConsoleReport {

    private static final int STACK_SHOWN = 8;

    private final PrintWriter out;
    private final Style style;

    public ConsoleReport(PrintWriter out, Style style) {
        this.out = out;
        this.style = style;
    }

    public ConsoleReport(PrintStream out, Style style) {
        this(new PrintWriter(out, true), style);
    }

    public void print(Result r) {
        out.println(style.bold(String.format("Day %d · %s", r.day(), r.title())) + style.dim("  (" + r.who() + ")"));
        out.println("Verdict  " + verdict(r.verdict()) + " · " + r.verdictMeaning());
        Judgement.Score s = r.score();
        out.printf("Score    %s / 100   correctness %s/%d · speedup %s/%d · hygiene %s/%d%n",
                style.bold(num(s.total())), num(s.correctness()), s.correctnessMax(), num(s.speedup()),
                s.speedupMax(), num(s.hygiene()), s.hygieneMax());
        printTests(r.tests());
        printSpeedup(r.speedup());
        Judgement.ThreadFigures t = r.threads();
        if (t != null) {
            out.printf("Threads  started %d platform + %d virtual · peak %d alive (limit %d) · leaked %d%n",
                    t.startedPlatform(), t.startedVirtual(), t.peakLive(), t.maxAllowed(), t.leaked());
        }
        printFindings(r.findings());
        out.printf("Time     %.1f s in all (child JVM %.1f s of a %.0f s limit; tests %.1f s, speedup runs %.1f s)%n",
                r.timing().wallMillis() / 1000.0, r.timing().childMillis() / 1000.0,
                r.timing().runLimitMillis() / 1000.0, r.timing().testMillis() / 1000.0,
                r.timing().speedupMillis() / 1000.0);
        out.flush();
    }

    private void printTests(List<Judgement.TestOutcome> tests) {
        long passed = tests.stream().filter(t -> t.status().passed()).count();
        out.println(style.bold(String.format("Tests    %d/%d passed", passed, tests.size())));
        for (Judgement.TestOutcome t : tests) {
            boolean ok = t.status().passed();
            String mark = ok ? style.green("✓") : style.red("✗");
            out.printf("  %s %-58s %6d ms / %d ms  %s%n", mark, t.name(), t.millis(), t.limitMillis(),
                    ok ? "" : style.red(t.status().name()));
            if (!ok && t.message() != null) {
                out.println("      " + t.message().lines().collect(Collectors.joining("\n      ")));
            }
            if (!ok) {
                t.stack().stream().filter(f -> f.startsWith("> ")).limit(3)
                        .forEach(f -> out.println(style.dim("      at ") + f.substring(2)));
                if (t.output() != null && !t.output().isBlank()) {
                    out.println(style.dim("      your output:"));
                    t.output().lines().limit(10).forEach(l -> out.println(style.dim("      | ")
                            + (l.length() > 160 ? l.substring(0, 160) + style.dim(" ...") : l)));
                }
            }
        }
    }

    private void printSpeedup(Judgement.SpeedupFigures sp) {
        if (sp == null) {
            return;
        }
        if (sp.error() != null) {
            out.println("Speedup  " + (sp.error().startsWith("not measured") ? sp.error() : "not measured: " + sp.error()));
            return;
        }
        String ratio = String.format("%.2fx", sp.ratio());
        out.printf("Speedup  %s (target %.1fx)   baseline %s ms · yours %s ms  (interleaved runs, medians compared)%n",
                sp.ratio() >= sp.target() ? style.green(ratio) : style.yellow(ratio), sp.target(),
                millis(sp.baselineMillis()), millis(sp.submissionMillis()));
    }

    private void printFindings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.println(style.bold("Findings"));
        for (Finding f : findings) {
            out.println("  " + verdict(f.verdict()) + " " + f.headline());
            f.details().forEach(d -> out.println("      " + d));
            printThreads(f.threads());
        }
    }

    /** Threads made at the same place and stuck at the same place are shown once, with a count. */
    public void printThreads(List<ThreadSnapshot> threads) {
        Map<String, List<ThreadSnapshot>> alike = threads.stream().collect(Collectors.groupingBy(
                t -> t.createdAtFrame() + "|" + t.stuckAt() + "|" + t.state(), LinkedHashMap::new,
                Collectors.toList()));
        for (List<ThreadSnapshot> group : alike.values()) {
            printThread(group.getFirst());
            if (group.size() > 1) {
                out.println(style.dim("        ... and " + (group.size() - 1)
                        + " more threads created and stuck at the same places"));
            }
        }
    }

    private void printThread(ThreadSnapshot t) {
        String wait = t.waitingOn() == null ? "" : " on " + t.waitingOn()
                + (t.waitingForMs() == null ? "" : " for " + t.waitingForMs() + " ms")
                + (t.heldBy() == null ? "" : ", held by '" + t.heldBy() + "'");
        out.printf("      thread '%s' (%s, %s) %s%s%n", t.name(), t.virtual() ? "virtual" : "platform", t.owner(),
                t.state(), wait);
        if (!t.createdAt().isEmpty()) {
            out.println("        created at " + t.createdAtFrame() + style.dim("  (by '" + t.createdBy()
                    + "' during " + t.startedDuring() + ")"));
        }
        out.println("        stuck at   " + t.stuckAt());
        Hints.forThread(t).ifPresent(h -> out.println("        hint       " + style.yellow(h)));
        t.stack().stream().limit(STACK_SHOWN).forEach(f -> out.println(style.dim("          " + f)));
    }

    private String verdict(Verdict v) {
        String name = v.name();
        return switch (v) {
            case ACCEPTED -> style.green(style.bold(name));
            case SLOW, BUSY_WAIT, THREAD_LEAK, TOO_MANY_THREADS -> style.yellow(style.bold(name));
            default -> style.red(style.bold(name));
        };
    }

    private static String millis(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).collect(Collectors.joining(" / "));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
