package katajudge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import katajudge.run.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code judge}: grades concurrency katas. Each subcommand is a class of its
 * own (extending {@link JudgeCommand}); this one holds what they share: the
 * {@code --problems} option, {@code --help} and {@code --version} on every
 * command, and one way to report bad input and the judge's own faults.
 */
@Command(name = "judge", mixinStandardHelpOptions = true, versionProvider = JudgeVersion.class,
        description = "Grades Java concurrency katas: correctness (hidden JUnit tests), speedup against a sequential baseline, and thread hygiene (leaks, deadlocks, busy waiting), in a fresh JVM watched by the judge's agent.",
        subcommands = {SubmitCommand.class, ListCommand.class, ShowCommand.class, VerifyCommand.class,
                RunCommand.class, LeaderboardCommand.class, GradeCommand.class, KeygenCommand.class,
                BundleCommand.class, TemplateCommand.class, ClassroomCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:a verdict was produced, whatever it is (verify: every solution got its verdict)",
                "1:verify: some solution got another verdict than its folder says; grade: the policy (--min-score, --require-days) is not met",
                "2:bad usage or bad input (missing jar, unknown day, broken spec...)",
                "3:the judge itself failed (JUDGE_ERROR); not the learner's fault"})
public final class JudgeCli {

    static final int OK = 0;
    static final int MISMATCH = 1;
    static final int BAD_INPUT = 2;
    static final int JUDGE_FAULT = 3;

    @Option(names = "--problems", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "The problems folder (default: the one next to the judge's build).")
    Path problems;

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        // Commands print through picocli's writers, which System.exit does not flush.
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new JudgeCli());
        cl.setUsageHelpWidth(terminalWidth());
        // Without COLUMNS, picocli asks the terminal itself (and keeps 80 when there is none).
        cl.setUsageHelpAutoWidth(System.getenv("COLUMNS") == null);
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (!spec.mixinStandardHelpOptions()) {
                spec.mixinStandardHelpOptions(true);
            }
            spec.versionProvider(new JudgeVersion());
            spec.usageMessage().description(unwrap(spec.usageMessage().description()));
        }
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("judge: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BadInputException) {
                cmd.getErr().println("judge: " + e.getMessage());
                return BAD_INPUT;
            }
            cmd.getErr().println("judge: internal error (not your fault; please report it): " + e);
            e.printStackTrace(cmd.getErr());
            return JUDGE_FAULT;
        });
        return cl;
    }

    /**
     * The help's width: {@code COLUMNS} when the shell exports it, else the
     * terminal's, else 80. Picocli wraps every text to it, so no line of the
     * help is wider than the terminal.
     */
    static int terminalWidth() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "").strip());
            if (columns > 0) {
                return Math.max(55, columns); // picocli's own minimum
            }
        } catch (NumberFormatException e) {
            // no usable COLUMNS: fall through
        }
        return 80;
    }

    /**
     * Joins a description written as several source lines into paragraphs, so
     * picocli wraps it at the terminal's width instead of breaking where the
     * source line ended. An empty line separates paragraphs; a line starting
     * with "  - " starts a list item (its indented next lines join it); any
     * other line starting with a space is kept as it is (examples).
     */
    static String[] unwrap(String[] lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = null;
        boolean inItem = false;
        for (String line : lines) {
            boolean item = line.stripLeading().startsWith("- ") && line.startsWith(" ");
            boolean itemGoesOn = inItem && line.startsWith(" ") && !item && !line.isBlank();
            boolean prose = !line.isEmpty() && !line.startsWith(" ");
            if (current != null && (itemGoesOn || prose && !inItem)) {
                current.append(' ').append(line.strip());
                continue;
            }
            if (current != null) {
                paragraphs.add(current.toString());
                current = null;
            }
            inItem = item;
            if (item || prose) {
                current = new StringBuilder(line);
            } else {
                paragraphs.add(line);
            }
        }
        if (current != null) {
            paragraphs.add(current.toString());
        }
        return paragraphs.toArray(String[]::new);
    }
}
