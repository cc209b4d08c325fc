package katajudge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help, in-process through picocli's own streams: exit 0,
 * no line wider than the terminal, and no line broken early (the next word
 * would have fitted: a sign of text hard-wrapped in the sources).
 */
class CliHelpTest {

    static Stream<Arguments> commandsAndWidths() {
        List<String> commands = List.of("", "submit", "list", "show", "verify", "run", "leaderboard", "grade", "keygen", "bundle", "template", "classroom");
        return commands.stream().flatMap(c -> Stream.of(80, 120).map(w -> Arguments.of(c, w)));
    }

    private record Printed(int code, String out, String err) {}

    private static Printed run(int width, String... args) {
        CommandLine cl = JudgeCli.commandLine();
        cl.setUsageHelpWidth(width);
        cl.setUsageHelpAutoWidth(false);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Printed(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "judge {0} --help at {1} columns")
    @MethodSource("commandsAndWidths")
    void helpExitsZeroAndFitsTheWidth(String command, int width) {
        Printed p = command.isEmpty() ? run(width, "--help") : run(width, command, "--help");
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("Usage: judge"), p.out());
        List<String> lines = p.out().lines().toList();
        // The synopsis (Usage: ... and its continuation lines) is picocli's own layout of the options.
        int first = 1;
        while (first < lines.size() && lines.get(first).startsWith(" ")) {
            first++;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.length() <= width, "wider than " + width + ": " + line);
            if (i >= first && i + 1 < lines.size() && continues(line, lines.get(i + 1))) {
                String word = lines.get(i + 1).strip().split(" ")[0];
                // Picocli keeps a small margin in its columns; a hard-wrapped source leaves far more.
                assertTrue(line.length() + 1 + word.length() > width - SLACK,
                        "broken early at " + width + " columns (source hard-wrapped?):\n" + line + "\n" + lines.get(i + 1));
            }
        }
    }

    private static final int SLACK = 12;

    /** The next line goes on with this line's sentence (not a new sentence, option, item or example). */
    private static boolean continues(String line, String next) {
        if (line.isBlank() || next.isBlank() || line.matches(".*[.:!?]\\s*$")) {
            return false;
        }
        String text = next.strip();
        if (text.startsWith("-") || text.startsWith("judge ")) {
            return false;
        }
        int indent = next.length() - next.stripLeading().length();
        int lineIndent = line.length() - line.stripLeading().length();
        return indent > lineIndent || indent == 0 && lineIndent == 0;
    }

    @Test
    void versionNamesTheJudgeTheCommitAndTheJdk() {
        Printed p = run(80, "--version");
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("katas judge") && p.out().contains("commit ")
                && p.out().contains("JDK " + Runtime.version().feature())
                && p.out().contains("problem set sha256:"), p.out());
        assertEquals(0, run(80, "submit", "--version").code());
    }

    @Test
    void aDayOutOfRangeOrNotANumberIsOneClearLineAndExitTwo() {
        for (String day : List.of("0", "31", "abc")) {
            Printed p = run(80, "show", day);
            assertEquals(2, p.code(), p.err());
            assertTrue(p.err().contains("day") && p.err().contains("1 to 30"), p.err());
            assertEquals("", p.out());
        }
    }

    @Test
    void aBadLearnerNameIsRefusedByEveryCommandThatTakesOne() {
        for (String command : List.of("submit", "list")) {
            Printed p = command.equals("submit") ? run(80, command, "--day", "1", "--jar", "x.jar", "--who", "../etc")
                    : run(80, command, "--who", "../etc");
            assertEquals(2, p.code(), command + ": " + p.err());
            assertTrue(p.err().contains("not a learner name"), p.err());
        }
    }

    @Test
    void everyCommandThatJudgesTakesALimitScaleFromOneToThree() {
        for (String command : List.of("submit", "grade", "verify")) {
            for (String bad : List.of("0.5", "3.5", "fast")) {
                Printed p = run(80, judging(command, bad));
                assertEquals(2, p.code(), command + ": " + p.err());
                assertTrue(p.err().contains("'" + bad + "' is not a limit scale: give a number from 1 to 3"), p.err());
            }
            assertEquals(1.5, parsedScale(judging(command, "1.5")), command);
            assertEquals(1.0, parsedScale(judging(command, null)), command + " without the option");
        }
    }

    /** The factor a judging command's --limit-scale holds once picocli has parsed {@code args}. */
    private static double parsedScale(String... args) {
        CommandLine.ParseResult parsed = JudgeCli.commandLine().parseArgs(args);
        return ((LimitScale) parsed.subcommand().commandSpec().mixins().get("limitScale").userObject()).factor;
    }

    /** The arguments of a judging {@code command}, with {@code --limit-scale scale} unless it is null. */
    private static String[] judging(String command, String scale) {
        List<String> args = new java.util.ArrayList<>(switch (command) {
            case "submit" -> List.of("submit", "--day", "1", "--jar", "x.jar");
            case "grade" -> List.of("grade", "--module", "m");
            default -> List.of("verify", "--day", "1");
        });
        if (scale != null) {
            args.addAll(List.of("--limit-scale", scale));
        }
        return args.toArray(String[]::new);
    }

    @Test
    void anUnknownLearnerIsNamedWithHowToStartOne() {
        Printed p = run(80, "list", "--who", "nobody-here");
        assertEquals(2, p.code(), p.err());
        assertTrue(p.err().contains("no learner 'nobody-here'") && p.err().contains("make new WHO=nobody-here"), p.err());
    }

    @Test
    void unwrapJoinsSourceLinesIntoParagraphsAndKeepsIndentedLines() {
        assertEquals(List.of("one two", "", "three", "  example"),
                List.of(JudgeCli.unwrap(new String[] {"one", "two", "", "three", "  example"})));
        assertEquals(List.of("intro:", "  - first item goes on", "  - second", "", "end"),
                List.of(JudgeCli.unwrap(new String[] {"intro:", "  - first item", "    goes on", "  - second", "", "end"})));
    }

    @Test
    void twoImplementationsInAModuleNameTheLearnersSourceFilesNotTheBuiltJar() {
        java.nio.file.Path jar = java.nio.file.Path.of("submissions/alice/target/judge/submission.jar");
        String said = SubmitCommand.inModuleTerms(jar + " has 2 classes that implement katas.day01.Goroutines "
                + "[katas.day01.Mine, katas.day02.Other$1]: keep exactly one", jar, java.nio.file.Path.of("submissions/alice"));
        assertEquals("your module submissions/alice has 2 classes that implement katas.day01.Goroutines "
                + "(submissions/alice/src/main/java/katas/day01/Mine.java, submissions/alice/src/main/java/katas/day02/Other.java)"
                + ": keep exactly one", said);
    }
}
