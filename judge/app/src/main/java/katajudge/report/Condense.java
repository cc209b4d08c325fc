package katajudge.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import katajudge.protocol.Frame;
import katajudge.protocol.ThreadSnapshot;
import katajudge.score.Finding;
import katajudge.score.Judgement;

/**
 * Makes a result say each thing once and stay small, before it is printed
 * and saved:
 * <ul>
 * <li>one finding per distinct cause: the same leak or busy wait seen in
 *     several tests and speedup runs (same verdict, threads created and
 *     stuck at the same places) is kept once, "also in N more tests/runs";</li>
 * <li>threads alike (created and stuck at the same places) are shown a few
 *     times, with how many were left out;</li>
 * <li>stacks keep the learner's frames with a few frames around them, the
 *     rest folded into "... N frames";</li>
 * <li>test messages and output are cut, and the whole JSON is kept under
 *     {@link #MAX_JSON_BYTES} by tightening these bounds if it is not.</li>
 * </ul>
 * Nothing here decides a verdict or a score: those are read before.
 */
public final class Condense {

    /** The result file's size bound: a learner's 30 days, a class's results, stay cheap to keep and send. */
    public static final int MAX_JSON_BYTES = 50 * 1024;

    /** How tight the bounds are; the first level that fits {@link #MAX_JSON_BYTES} is used. */
    private record Bounds(int threadsAlike, int threadsPerFinding, int frames, int context, int textChars) {}

    private static final List<Bounds> LEVELS = List.of(
            new Bounds(3, 12, 24, 2, 4096),
            new Bounds(2, 6, 12, 1, 1024),
            new Bounds(1, 3, 6, 0, 256),
            new Bounds(1, 1, 3, 0, 120));

    private Condense() {}

    public static Result of(Result r) {
        List<Finding> merged = mergeAlike(r.findings());
        Result bounded = r;
        for (Bounds b : LEVELS) {
            bounded = bound(r, merged, b);
            if (jsonBytes(bounded) <= MAX_JSON_BYTES) {
                break;
            }
        }
        return bounded;
    }

    private static Result bound(Result r, List<Finding> findings, Bounds b) {
        List<Finding> kept = findings.stream().map(f -> new Finding(f.verdict(), f.headline(),
                f.details().stream().map(d -> cut(d, b.textChars())).toList(), threads(f.threads(), b))).toList();
        List<Judgement.TestOutcome> tests = r.tests() == null ? null : r.tests().stream()
                .map(t -> new Judgement.TestOutcome(t.name(), t.status(), t.millis(), t.limitMillis(),
                        cut(t.message(), b.textChars()), t.exception(), frames(t.stack(), b, 3),
                        cut(t.output(), b.textChars())))
                .toList();
        return new Result(r.schema(), r.who(), r.day(), r.problem(), r.title(), r.judgedAt(), r.jar(),
                r.implementation(), r.verdict(), r.verdictMeaning(), r.score(), tests, kept, r.speedup(), r.threads(),
                r.timing(), r.environment(), r.producedBy());
    }

    /**
     * Findings with the same verdict and the same threads' places (where created, where stuck) are one
     * cause seen several times: the first is kept and says how often the cause was seen. Findings
     * without threads (a failed test, a refused call) are each their own cause.
     */
    static List<Finding> mergeAlike(List<Finding> findings) {
        Map<String, List<Finding>> byCause = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            String cause = f.threads().isEmpty() ? "#" + i : f.verdict() + "|" + f.threads().stream()
                    .map(t -> t.createdAtFrame() + "@" + t.stuckAt()).distinct().sorted()
                    .collect(Collectors.joining(","));
            byCause.computeIfAbsent(cause, c -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>();
        for (List<Finding> same : byCause.values()) {
            Finding first = same.getFirst();
            if (same.size() == 1) {
                out.add(first);
                continue;
            }
            int more = same.size() - 1;
            List<String> details = new ArrayList<>(first.details());
            details.add("the same cause was also seen " + more + " more time" + (more == 1 ? "" : "s") + ": "
                    + same.stream().skip(1).limit(3).map(Finding::headline).collect(Collectors.joining("; "))
                    + (more > 3 ? "; ..." : ""));
            out.add(new Finding(first.verdict(), first.headline() + " (also in " + more + " more test"
                    + (more == 1 ? "" : "s") + "/run" + (more == 1 ? "" : "s") + ")", details, first.threads()));
        }
        return out;
    }

    /** A few of each kind of thread (same creation and stuck places), with trimmed stacks. */
    private static List<ThreadSnapshot> threads(List<ThreadSnapshot> threads, Bounds b) {
        Map<String, List<ThreadSnapshot>> alike = threads.stream().collect(Collectors.groupingBy(
                t -> t.createdAtFrame() + "|" + t.stuckAt() + "|" + t.state(), LinkedHashMap::new, Collectors.toList()));
        List<ThreadSnapshot> kept = new ArrayList<>();
        for (List<ThreadSnapshot> group : alike.values()) {
            group.stream().limit(b.threadsAlike()).forEach(kept::add);
        }
        return kept.stream().limit(b.threadsPerFinding()).map(t -> new ThreadSnapshot(t.name(), t.id(), t.virtual(),
                t.owner(), t.state(), t.waitingOn(), t.waitingForMs(), t.heldBy(), frames(t.stack(), b, topTo(t)),
                frames(t.createdAt(), b, 1), t.createdBy(), t.startedDuring())).toList();
    }

    /**
     * Where the thread is stuck must stay readable, and what called it (a pool's getTask under a queue's
     * take is how a report knows the pool was never shut down): the stack is kept down to that frame and
     * three more (at least 6 frames).
     */
    private static int topTo(ThreadSnapshot t) {
        String stuck = t.stuckAt();
        List<String> stack = t.stack() == null ? List.of() : t.stack();
        int at = Math.max(stack.indexOf(stuck), stack.indexOf(new Frame(true, stuck).line()));
        return Math.max(6, at + 4);
    }

    /**
     * The frames worth reading: the first {@code top} (where the thread is, or what threw), every frame of
     * the learner's code ("> " frames) with {@code context} frames on each side, at most {@code frames}
     * in all; each run of frames left out becomes one "... N frames" line.
     */
    static List<String> frames(List<String> stack, Bounds b, int top) {
        if (stack == null || stack.size() <= top) {
            return stack;
        }
        boolean[] keep = new boolean[stack.size()];
        for (int i = 0; i < stack.size(); i++) {
            if (i < top) {
                keep[i] = true;
            }
            if (Frame.isLearner(stack.get(i))) {
                for (int j = Math.max(0, i - b.context()); j <= Math.min(stack.size() - 1, i + b.context()); j++) {
                    keep[j] = true;
                }
            }
        }
        List<String> out = new ArrayList<>();
        int kept = 0;
        int skipped = 0;
        for (int i = 0; i < stack.size(); i++) {
            if (keep[i] && kept < b.frames()) {
                if (skipped > 0) {
                    out.add(folded(skipped));
                    skipped = 0;
                }
                out.add(stack.get(i));
                kept++;
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            out.add(folded(skipped));
        }
        return out;
    }

    private static String folded(int n) {
        return "... " + n + " frame" + (n == 1 ? "" : "s");
    }

    /** The start and the end of a long text (the end of an output says how it was cut, or what failed last). */
    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int head = max * 3 / 4;
        int tail = max - head;
        return text.substring(0, head) + "\n... (" + (text.length() - max) + " characters left out) ...\n"
                + text.substring(text.length() - tail);
    }

    static int jsonBytes(Result r) {
        try {
            return ResultStore.JSON.writeValueAsBytes(r).length;
        } catch (JsonProcessingException e) {
            return 0;
        }
    }
}
