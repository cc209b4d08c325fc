package katajudge.grade;

import java.util.List;
import katajudge.report.Result;
import katajudge.score.Finding;
import katajudge.score.Judgement;
import katajudge.score.Verdict;

/**
 * Grades as JUnit XML, the common currency of CI test reports: a test suite
 * per day, a test case per hidden test, plus one for the speedup and one for
 * thread hygiene, so a CI shows exactly which check failed.
 */
final class JUnitXml {

    private JUnitXml() {}

    static String render(List<Result> results, List<Grading.NotDone> notDone) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = 0;
        int failures = 0;
        StringBuilder suites = new StringBuilder();
        for (Result r : results) {
            StringBuilder cases = new StringBuilder();
            int suiteTests = 0;
            int suiteFailures = 0;
            for (Judgement.TestOutcome t : r.tests()) {
                suiteTests++;
                boolean ok = t.status().passed();
                suiteFailures += ok ? 0 : 1;
                cases.append(testCase(r, t.name(), t.millis(), ok ? null : t.status().name(),
                        t.message() == null ? t.status().name() : t.message(),
                        String.join("\n", t.stack()) + (t.output() == null || t.output().isBlank() ? ""
                                : "\n--- output ---\n" + t.output())));
            }
            if (r.tests().isEmpty()) {
                // BUILD_FAILED, FORBIDDEN_API: no test ran; the verdict is the one failing case.
                suiteTests++;
                suiteFailures++;
                cases.append(testCase(r, "verdict", 0, r.verdict().name(), r.verdictMeaning(), details(r.findings())));
            }
            // An untouched template measured nothing worth a verdict: its speedup and hygiene are skipped,
            // neither SLOW nor passed.
            boolean notImplemented = r.verdict() == Verdict.NOT_IMPLEMENTED;
            if (r.speedup() != null && notImplemented) {
                suiteTests++;
                cases.append(skipped(r.problem(), "speedup", "not implemented yet"));
            } else if (r.speedup() != null) {
                suiteTests++;
                boolean slow = has(r, Verdict.SLOW);
                boolean error = r.speedup().error() != null;
                suiteFailures += slow || error ? 1 : 0;
                cases.append(testCase(r, "speedup", 0, slow ? "SLOW" : error ? "SPEEDUP_NOT_MEASURED" : null,
                        error ? r.speedup().error() : String.format(
                                "speedup %.2fx, target %.1fx", r.speedup().ratio(), r.speedup().target()), ""));
            }
            if (r.threads() != null && notImplemented) {
                suiteTests++;
                cases.append(skipped(r.problem(), "hygiene", "not implemented yet"));
            } else if (r.threads() != null) {
                suiteTests++;
                List<Finding> hygiene = r.findings().stream().filter(f -> switch (f.verdict()) {
                    case THREAD_LEAK, BUSY_WAIT, TOO_MANY_THREADS, DEADLOCK -> true;
                    default -> false;
                }).toList();
                suiteFailures += hygiene.isEmpty() ? 0 : 1;
                cases.append(testCase(r, "hygiene", 0, hygiene.isEmpty() ? null : hygiene.getFirst().verdict().name(),
                        hygiene.isEmpty() ? "" : hygiene.getFirst().headline(), details(hygiene)));
            }
            tests += suiteTests;
            failures += suiteFailures;
            suites.append(String.format("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.3f\">%n",
                    attr(r.problem()), suiteTests, suiteFailures, r.timing().wallMillis() / 1000.0));
            suites.append(String.format("    <properties><property name=\"verdict\" value=\"%s\"/>"
                    + "<property name=\"score\" value=\"%s\"/></properties>%n", r.verdict(), r.score().total()));
            suites.append(cases).append("  </testsuite>\n");
        }
        for (Grading.NotDone n : notDone) {
            tests++;
            suites.append(String.format("  <testsuite name=\"%s\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\" "
                    + "time=\"0.000\">%n", attr(n.problem())));
            suites.append(String.format("    <properties><property name=\"verdict\" value=\"NOT_DONE\"/>"
                    + "<property name=\"score\" value=\"0.0\"/></properties>%n"));
            suites.append(skipped(n.problem(), "verdict", "not done: " + n.why())).append("  </testsuite>\n");
        }
        xml.append(String.format("<testsuites name=\"katas\" tests=\"%d\" failures=\"%d\">%n", tests, failures));
        return xml.append(suites).append("</testsuites>\n").toString();
    }

    private static String testCase(Result r, String name, long millis, String failureType, String message,
                                   String body) {
        String open = String.format("    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"", attr(r.problem()),
                attr(name), millis / 1000.0);
        if (failureType == null) {
            return open + "/>\n";
        }
        return open + ">\n      <failure type=\"" + attr(failureType) + "\" message=\"" + attr(message) + "\">"
                + text(body) + "</failure>\n    </testcase>\n";
    }

    private static String skipped(String problem, String name, String why) {
        return String.format("    <testcase classname=\"%s\" name=\"%s\" time=\"0.000\"><skipped message=\"%s\"/></testcase>%n",
                attr(problem), attr(name), attr(why));
    }

    private static boolean has(Result r, Verdict v) {
        return r.findings().stream().anyMatch(f -> f.verdict() == v);
    }

    private static String details(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(f.verdict()).append(' ').append(f.headline()).append('\n');
            f.details().forEach(d -> out.append("  ").append(d).append('\n'));
            f.threads().forEach(t -> out.append("  thread '").append(t.name()).append("' created at ")
                    .append(t.createdAtFrame()).append(", stuck at ").append(t.stuckAt()).append('\n'));
        }
        return out.toString();
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /** XML-escaped, and without the control characters XML 1.0 cannot hold (learner output may have any). */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c == '\n' || c == '\t' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
