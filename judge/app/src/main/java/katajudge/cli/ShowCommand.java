package katajudge.cli;

import katajudge.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Prints a day's statement (its README.md) and how it is scored.")
final class ShowCommand extends JudgeCommand {

    @Parameters(paramLabel = "DAY", converter = Day.class, description = "The day, 1..30.")
    int day;

    @Override
    public Integer call() throws Exception {
        Problem p = Problems.load(home(), day);
        out().println(p.statement());
        var s = p.spec();
        out().printf("---%nScoring: correctness %d · speedup %d%s · hygiene %d (at most %d threads, leaks %s%s)%n",
                s.weights().correctness(), s.weights().speedup(),
                s.speedup() == null ? "" : String.format(" (target %.1fx)", s.speedup().target()),
                s.weights().hygiene(), s.hygiene().maxThreads(), s.hygiene().leaks(),
                s.hygiene().busyWait() ? ", no busy waiting" : "");
        out().printf("Limits: %d ms per test, %d ms per run, %d MB heap%n", s.limits().testTimeoutMs(),
                s.limits().runTimeoutMs(), s.limits().heapMb());
        out().flush();
        return JudgeCli.OK;
    }
}
