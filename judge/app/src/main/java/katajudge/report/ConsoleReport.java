package katajudge.report;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import katajudge.protocol.Frame;
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
        printTime(r.timing());
        if (r.environment() != null && r.environment().sandbox() != null) {
            out.println("Sandbox  " + r.environment().sandbox());
        }
        out.flush();
    }

    /** Where the time went, all of it: the judge's start, the compile, the child JVM (and inside it). */
    private void printTime(Result.Timing t) {
        List<String> parts = new java.util.ArrayList<>();
        if (t.startMillis() > 0) {
            parts.add("judge start " + seconds(t.startMillis()));
        }
        if (t.compileMillis() > 0) {
            parts.add("compile " + seconds(t.compileMillis()));
        }
        if (t.childMillis() > 0) {
            long inside = t.testMillis() + t.speedupMillis();
            parts.add(String.format("child JVM %s of a %.0f s limit (tests %s · speedup runs %s · JVM start and checks %s)",
                    seconds(t.childMillis()), t.runLimitMillis() / 1000.0, seconds(t.testMillis()),
                    seconds(t.speedupMillis()), seconds(Math.max(0, t.childMillis() - inside))));
        }
        long rest = t.wallMillis() - t.startMillis() - t.compileMillis() - t.childMillis();
        if (rest >= 100 && !parts.isEmpty()) {
            parts.add("outside the child (checks, scoring) " + seconds(rest));
        }
        if (t.wallMillis() > 0) {
            out.println("Time     " + seconds(t.wallMillis()) + " in all" + (parts.isEmpty() ? "" : ": "
                    + String.join(" · ", parts)));
        }
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }

    private void printTests(List<Judgement.TestOutcome> tests) {
        if (tests == null || tests.isEmpty()) {
            return;
        }
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
                t.stack().stream().map(Frame::parse).filter(Frame::learner).limit(3)
                        .forEach(f -> out.println(style.dim("      at ") + f.text()));
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
