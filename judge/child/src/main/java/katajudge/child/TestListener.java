package katajudge.child;

import java.util.ArrayList;
import java.util.List;
import katajudge.protocol.Event;
import katajudge.protocol.TestStatus;
import katas.support.ToolFailure;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns each hidden test into a judged region. JUnit calls
 * {@code executionStarted} on the test's own thread, which becomes the
 * region's root: threads it (or learner code) starts are attributed to it.
 */
final class TestListener implements TestExecutionListener {

    private static final int STACK_LINES = 12;

    private final ChildRun run;
    private String current;
    private boolean allPassed = true;
    private long startNanos;

    TestListener(ChildRun run) {
        this.run = run;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        List<String> names = new ArrayList<>();
        collect(plan, plan.getRoots(), names);
        run.report(new Event.Planned(names));
    }

    private static void collect(TestPlan plan, java.util.Set<TestIdentifier> nodes, List<String> names) {
        for (TestIdentifier id : nodes) {
            if (id.isTest()) {
                names.add(nameOf(id));
            }
            collect(plan, plan.getChildren(id), names);
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            current = nameOf(id);
            startNanos = System.nanoTime();
            run.beginPhase(current);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            run.report(new Event.TestFinished(nameOf(id), id.getDisplayName(), TestStatus.SKIPPED, reason, null,
                    List.of(), 0, "", 0));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            return;
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        ChildRun.PhaseEnd end = run.endPhase(current);
        Throwable failure = result.getThrowable().orElse(null);
        TestStatus status = result.getStatus() == TestExecutionResult.Status.ABORTED ? TestStatus.SKIPPED
                : statusOf(failure);
        if (failure instanceof ToolFailure tool) {
            // A checking tool crashed by itself: the judge's error (JUDGE_ERROR), not the learner's failure.
            run.fault(current + ": " + tool.getMessage());
            status = TestStatus.SKIPPED;
        }
        allPassed &= status.passed();
        run.report(new Event.TestFinished(current, id.getDisplayName(), status,
                failure == null ? null : failure.getMessage() + run.scheduleNote(),
                failure == null ? null : failure.getClass().getName(),
                failure == null ? List.of() : stackOf(failure), millis, end.output(), end.peakThreads()));
        current = null;
    }

    /** Whether every test that ran passed: speed is only measured for a correct solution. */
    boolean allPassed() {
        return allPassed;
    }

    /** JUnit rethrows OutOfMemoryError out of the launcher; report it against the running test. */
    void outOfMemory(OutOfMemoryError e) {
        String name = current == null ? "(between tests)" : current;
        run.report(new Event.TestFinished(name, name, TestStatus.ERROR, e.getMessage(), e.getClass().getName(),
                stackOf(e), (System.nanoTime() - startNanos) / 1_000_000, "", 0));
    }

    static TestStatus statusOf(Throwable failure) {
        if (failure == null) {
            return TestStatus.PASSED;
        }
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException && c.getMessage() != null
                    && c.getMessage().startsWith("TODO")) {
                return TestStatus.NOT_IMPLEMENTED;
            }
        }
        return failure instanceof AssertionError ? TestStatus.FAILED : TestStatus.ERROR;
    }

    private static List<String> stackOf(Throwable t) {
        List<String> lines = new ArrayList<>();
        for (Throwable c = t; c != null && lines.size() < STACK_LINES * 2; c = c.getCause()) {
            if (c != t) {
                lines.add("caused by " + c);
            }
            StackTraceElement[] stack = c.getStackTrace();
            for (int i = 0; i < stack.length && i < STACK_LINES; i++) {
                if (stack[i].getClassName().startsWith("org.junit.")) {
                    break;
                }
                lines.add(Snapshots.format(stack[i]));
            }
        }
        return lines;
    }

    /** A test's name in events: {@code Class.method}, plus the display name of a parameterized case. */
    static String nameOf(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof MethodSource m) {
            String cls = m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1);
            String base = cls + "." + m.getMethodName();
            return id.getDisplayName().startsWith(m.getMethodName()) ? base : base + " " + id.getDisplayName();
        }
        return id.getDisplayName();
    }
}
