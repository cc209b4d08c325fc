package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Grading a module for CI: JUnit XML, points, the exit policy, and fenced learner output. */
class GradeTest {

    @Test
    void gradesAModuleIntoJUnitXmlJsonAndPoints() throws IOException {
        Path module = module("Good", "System.out.println(\"::error::forged by the learner\");");
        Path xml = module.resolve("grades.xml");
        Path json = module.resolve("grades.json");
        Fixture.Outcome o = Fixture.run(null, "grade", "--module", module.toString(), "--junit", xml.toString(),
                "--json", json.toString(), "--require-days", "1");
        assertEquals(0, o.exitCode(), o::toString);
        assertTrue(o.out().contains("Points 100/100"), o::toString);
        String report = Files.readString(xml);
        assertTrue(report.contains("<testsuite name=\"day01-fixture\" tests=\"2\" failures=\"0\""), report);
        assertTrue(report.contains("name=\"FixtureTest.runsTheProgram\""), report);
        assertTrue(report.contains("name=\"hygiene\""), report);
        assertTrue(Files.readString(json).contains("\"schema\" : \"katas-judge/grade/v1\""));
        assertFalse(Files.exists(module.resolve("results")), "a grader's run is not one of the learner's attempts");
        assertFalse(Files.readString(json).contains("\"signature\""), "grading signs nothing");
    }

    @Test
    void aFailingDayFailsThePolicyAndItsXmlSaysWhy() throws IOException {
        Path module = module("Bad", "throw new AssertionError(\"expected <3> but was <4> & more\");");
        Path xml = module.resolve("grades.xml");
        Fixture.Outcome o = Fixture.run(null, "grade", "--module", module.toString(), "--junit", xml.toString(),
                "--json", module.resolve("g.json").toString(), "--min-score", "50");
        assertEquals(1, o.exitCode(), o::toString);
        assertTrue(o.out().contains("below the required"), o::toString);
        String report = Files.readString(xml);
        assertTrue(report.contains("<failure type=\"FAILED\" message=\"expected &lt;3&gt; but was &lt;4&gt; &amp; more\""),
                report);
    }

    @Test
    void aBrokenFileOfAnotherDayDoesNotSinkTheDayGraded() throws IOException {
        Path module = module("Fine", "");
        Path broken = module.resolve("src/main/java/katas/day02/Half.java");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "package katas.day02; class Half { NotWrittenYet x; }");
        Fixture.Outcome o = Fixture.run(null, "grade", "--module", module.toString(), "--junit",
                module.resolve("g.xml").toString(), "--json", module.resolve("g.json").toString());
        assertEquals(0, o.exitCode(), o::toString);
        assertTrue(o.out().contains("Points 100/100"), o::toString);
    }

    @Test
    void aModuleWithoutTheDayIsGradedAsMissingNotCrashed() throws IOException {
        Path module = Files.createTempDirectory(Fixture.ROOT, "empty-module-");
        Path src = module.resolve("src/main/java/learner/Unrelated.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package learner; public class Unrelated {}");
        Fixture.Outcome o = Fixture.run(null, "grade", "--module", module.toString(), "--junit",
                module.resolve("g.xml").toString(), "--json", module.resolve("g.json").toString());
        assertEquals(0, o.exitCode(), o::toString);
        assertTrue(o.out().contains("Not done yet: days [1]"), o::toString);
        assertTrue(o.out().contains("day  1  not done"), o::toString);
    }

    @Test
    void theBoardLeavesTheStarterOutAndOutNamesBothFiles() throws IOException {
        Path submissions = Fixture.ROOT.resolve("submissions");
        for (String who : new String[] {"starter", "zed"}) {
            Path results = Files.createDirectories(submissions.resolve(who).resolve("results"));
            Files.writeString(results.resolve("day01.json"), "{\"schema\": \"katas-judge/result/v1\", \"who\": \"" + who
                    + "\", \"day\": 1, \"verdict\": \"ACCEPTED\", \"score\": {\"total\": 100},"
                    + " \"judgedAt\": \"2026-11-30T00:00:00Z\"}");
        }
        Path out = Files.createTempDirectory(Fixture.ROOT, "board-").resolve("site/board.json");
        Fixture.Outcome o = Fixture.run(null, "leaderboard", "--out", out.toString());
        assertEquals(0, o.exitCode(), o::toString);
        String board = Files.readString(out);
        assertTrue(board.contains("\"zed\"") && !board.contains("\"starter\""), board);
        assertTrue(Files.isRegularFile(out.resolveSibling("board.html")), "the page goes next to the JSON");
        assertTrue(o.out().contains(out.resolveSibling("board.html").toString()), o::toString);
    }

    @Test
    void onGitHubLearnerTextCannotRunWorkflowCommands() {
        var out = new java.io.ByteArrayOutputStream();
        var ci = new katajudge.grade.CiOutputProbe(new java.io.PrintStream(out, true), true);
        ci.fenced("::error::forged by the learner");
        String text = out.toString();
        String[] lines = text.strip().split("\n");
        assertTrue(lines[0].startsWith("::stop-commands::"), text);
        String token = lines[0].substring("::stop-commands::".length());
        assertEquals("::error::forged by the learner", lines[1]);
        assertEquals("::" + token + "::", lines[2]);
        assertTrue(token.length() >= 16, "an unguessable token");
    }

    private static Path module(String name, String body) throws IOException {
        Path module = Files.createTempDirectory(Fixture.ROOT, "grade-" + name + "-");
        Path src = module.resolve("src/main/java/learner/" + name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package learner;\npublic class " + name + " implements katas.fixture.Program {\n"
                + "  public void run() throws Exception {\n    " + body + "\n  }\n}\n");
        return module;
    }
}
