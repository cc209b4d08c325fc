package katajudge.cli;

import picocli.CommandLine;

/** Lets the judge's tests run the CLI in-process, as a user would from the shell. */
public final class JudgeCliAccess {
    private JudgeCliAccess() {}

    public static CommandLine commandLine() {
        return JudgeCli.commandLine();
    }
}
