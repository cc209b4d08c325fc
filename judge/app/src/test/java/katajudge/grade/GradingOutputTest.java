package katajudge.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import katajudge.bundle.Starter;
import katajudge.report.Result;
import katajudge.score.Finding;
import katajudge.score.Judgement;
import katajudge.score.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What grading prints for CI: case types that match verdicts, annotations only where they help, not-done days. */
class GradingOutputTest {

    @TempDir
    Path dir;

    @Test
    void aNotImplementedDaysSpeedupAndHygieneAreSkippedNeitherSlowNorPassed() {
        Result todo = result(Verdict.NOT_IMPLEMENTED, List.of(test("t1", "NOT_IMPLEMENTED")), List.of(),
                new Judgement.SpeedupFigures(List.of(), List.of(), 0, 4, "the tests failed"));
        String xml = JUnitXml.render(List.of(todo), List.of());
        assertFalse(xml.contains("type=\"SLOW\""), xml);
        assertTrue(xml.contains("name=\"speedup\" time=\"0.000\"><skipped"), xml);
        assertTrue(xml.contains("name=\"hygiene\" time=\"0.000\"><skipped"), xml);
        assertTrue(xml.contains("<failure type=\"NOT_IMPLEMENTED\""), xml);

        Result slow = result(Verdict.SLOW, List.of(test("t1", "PASSED")),
                List.of(Finding.of(Verdict.SLOW, "speedup 1.0x")), new Judgement.SpeedupFigures(List.of(), List.of(), 1, 4, null));
        String slowXml = JUnitXml.render(List.of(slow), List.of());
        assertTrue(slowXml.contains("<failure type=\"SLOW\""), slowXml);
        assertTrue(slowXml.contains("name=\"hygiene\" time=\"0.000\"/>"), slowXml);
    }

    @Test
    void daysNotDoneAreOneSkippedSuiteEach() {
        String xml = JUnitXml.render(List.of(), List.of(new Grading.NotDone(2, "day02-ids", "Ids", "still the starter template")));
        assertTrue(xml.contains("<testsuite name=\"day02-ids\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\""), xml);
        assertTrue(xml.contains("<skipped message=\"not done: still the starter template\"/>"), xml);
    }

    @Test
    void oneAnnotationPerCauseAtPathsRelativeToTheRepository() {
        String file = Path.of("").toAbsolutePath().resolve("src/main/java/katas/day01/My.java").toString();
        Result broken = result(Verdict.BUILD_FAILED, List.of(), List.of(new Finding(Verdict.BUILD_FAILED, "does not compile",
                List.of(file + ":7: cannot find symbol\n  Foo x;\n  ^", file + ":7: cannot find symbol\n  Foo x;\n  ^",
                        file + ":9: ';' expected"), List.of())), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CiOutput ci = new CiOutput(new java.io.PrintWriter(bytes, true), true);
        ci.annotate(broken, dir);
        ci.annotate(broken, dir); // a shared file breaking two days is still one cause
        List<String> lines = bytes.toString().lines().toList();
        assertEquals(List.of(
                "::error file=src/main/java/katas/day01/My.java,line=7,title=Day 1 BUILD_FAILED::cannot find symbol",
                "::error file=src/main/java/katas/day01/My.java,line=9,title=Day 1 BUILD_FAILED::';' expected"), lines);

        Result todo = result(Verdict.WRONG_ANSWER, List.of(test("a", "NOT_IMPLEMENTED"), test("b", "NOT_IMPLEMENTED"),
                test("c", "NOT_IMPLEMENTED")), List.of(), null);
        bytes.reset();
        new CiOutput(new java.io.PrintWriter(bytes, true), true).annotate(todo, dir);
        assertEquals(1, bytes.toString().lines().count(), bytes.toString());
        bytes.reset();
        new CiOutput(new java.io.PrintWriter(bytes, true), false).annotate(todo, dir);
        assertEquals("", bytes.toString(), "no annotations outside GitHub");
    }

    @Test
    void aDayIsNotDoneWhileItIsExactlyTheStarter() throws Exception {
        Path src = dir.resolve("src/main/java/katas/day02/MyGreeter.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "class MyGreeter { /* TODO */ }");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(src)));
        Starter starter = new Starter(Map.of("katas/day02/MyGreeter.java", sha));
        assertTrue(starter.untouched(dir, 2));
        assertFalse(starter.untouched(dir, 3), "a day the starter does not have is not 'untouched'");
        Files.writeString(src, "class MyGreeter { /* started */ }");
        assertFalse(starter.untouched(dir, 2));
    }

    private static Judgement.TestOutcome test(String name, String status) {
        return new Judgement.TestOutcome(name, katajudge.protocol.TestStatus.valueOf(status), 1, 1000, status.equals("PASSED") ? null : "TODO day 1", null,
                List.of(), null);
    }

    private static Result result(Verdict v, List<Judgement.TestOutcome> tests, List<Finding> findings,
                                 Judgement.SpeedupFigures speedup) {
        return new Result(Result.SCHEMA, "ann", 1, "day01-x", "X", "2026-11-30T00:00:00Z", null, null, v, v.meaning(),
                new Judgement.Score(0, 0, 60, 0, 25, 0, 15), tests, findings, speedup,
                new Judgement.ThreadFigures(0, 0, 0, 0, 40, 0), new Result.Timing(0, 0, 0, 0, 0, 1), null, null);
    }
}
