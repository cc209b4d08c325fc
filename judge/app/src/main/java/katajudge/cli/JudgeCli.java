package katajudge.cli;

import java.nio.file.Path;
import katajudge.run.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code judge}: grades concurrency katas. Each subcommand is a class of its
 * own; this one holds what they share.
 */
@Command(name = "judge", mixinStandardHelpOptions = true, version = "katas judge 1.0",
        description = {
                "Grades Java concurrency katas: correctness (hidden JUnit tests), speedup against a",
                "sequential baseline, and thread hygiene (leaks, deadlocks, busy waiting), in a",
                "fresh JVM watched by the judge's agent."},
        subcommands = {SubmitCommand.class, ListCommand.class, ShowCommand.class, VerifyCommand.class,
                RunCommand.class, LeaderboardCommand.class, GradeCommand.class, KeygenCommand.class,
                BundleCommand.class, TemplateCommand.class,
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
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new JudgeCli());
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
}
