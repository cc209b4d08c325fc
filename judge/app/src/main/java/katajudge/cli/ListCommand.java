package katajudge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import katajudge.report.ResultStore;
import katajudge.run.JudgeHome;
import katajudge.spec.ProblemSet;
import katajudge.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "Lists the days with their titles and the learner's latest verdict and score.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    JudgeCli parent;

    @Option(names = "--who", paramLabel = "NAME", description = "Whose results to show (default: starter).")
    String who = "starter";

    @Override
    public Integer call() throws Exception {
        JudgeHome home = Problems.home(parent.problems);
        ProblemSet set = new ProblemSet(home.problemsDir());
        ResultStore store = new ResultStore(home.projectRoot().resolve("submissions").resolve(who).resolve("results"));
        System.out.printf("%-4s %-58s %-18s %s%n", "Day", "Title", "Verdict (" + who + ")", "Score");
        for (Path dir : set.dayFolders()) {
            try {
                var p = set.read(dir);
                var latest = store.latest(p.day());
                System.out.printf("%-4d %-58s %-18s %s%n", p.day(), p.spec().title(),
                        latest.map(r -> r.verdict().name()).orElse("-"),
                        latest.map(r -> String.valueOf(r.score().total())).orElse(""));
            } catch (SpecException e) {
                System.out.printf("%-4s %s%n", "?", "broken: " + e.getMessage());
            }
        }
        return JudgeCli.OK;
    }
}
