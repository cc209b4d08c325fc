package katajudge.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the judge's home (from the inherited
 * {@code --problems}) and the output streams. Commands print through
 * picocli's streams, never {@code System.out}, so a test (or a caller in the
 * same JVM) sets them with {@code CommandLine.setOut/setErr} and reads back
 * what the command printed.
 */
abstract class JudgeCommand implements Callable<Integer> {

    @ParentCommand
    JudgeCli parent;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    JudgeHome home() throws BadInputException {
        return Problems.home(parent.problems);
    }
}
