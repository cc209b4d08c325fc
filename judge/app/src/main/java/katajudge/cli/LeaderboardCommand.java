package katajudge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import katajudge.board.Leaderboard;
import katajudge.board.LeaderboardBuilder;
import katajudge.board.LeaderboardPage;
import katajudge.report.ResultStore;
import katajudge.report.Signer;
import katajudge.run.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "leaderboard", sortOptions = false,
        description = {
                "Builds a study group's board from any number of learners' results: leaderboard.json",
                "(rank, learner, total of best scores, days solved, streak, and per day the best score,",
                "its verdict, attempts and when first accepted) and a self-contained HTML page.",
                "",
                "Inputs are results folders (searched for dayNN.json and history.jsonl) or single files,",
                "for example gathered from several repositories. Unreadable or foreign files are named",
                "and skipped; nothing is written back. With --verify (and KATAS_SECRET set to the",
                "secret the judge signed with) unsigned or altered results are left out of the ranking."},
        footerHeading = "%nExamples:%n",
        footer = {"  judge leaderboard                              (every submissions/*/results)",
                "  KATAS_SECRET=... judge leaderboard --verify gathered/ --out board.json --html board.html"})
final class LeaderboardCommand implements Callable<Integer> {

    @ParentCommand
    JudgeCli parent;

    @Parameters(paramLabel = "PATH", description = "Results folders or files (default: submissions/*/results).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "The JSON board (default: leaderboard.json).")
    Path out = Path.of("leaderboard.json");

    @Option(names = "--html", paramLabel = "FILE", description = "The HTML page (default: leaderboard.html).")
    Path html = Path.of("leaderboard.html");

    @Option(names = "--verify", description = "Leave out results that are not signed with KATAS_SECRET.")
    boolean verify;

    @Override
    public Integer call() throws Exception {
        Signer verifier = null;
        if (verify) {
            verifier = Signer.fromEnvironment();
            if (verifier == null) {
                throw new BadInputException("--verify needs the signing secret in " + Signer.ENV);
            }
        }
        List<Path> paths = new ArrayList<>(inputs);
        if (paths.isEmpty()) {
            Path submissions = Problems.home(parent.problems).projectRoot().resolve("submissions");
            try (Stream<Path> dirs = Files.list(submissions)) {
                dirs.map(d -> d.resolve("results")).filter(Files::isDirectory).sorted().forEach(paths::add);
            }
        }
        LeaderboardBuilder builder = new LeaderboardBuilder(verifier);
        for (Path p : paths) {
            builder.add(p);
        }
        Leaderboard board = builder.build(Instant.now());
        ResultStore.JSON.writeValue(out.toFile(), board);
        Files.writeString(html, LeaderboardPage.render(board));
        board.problems().forEach(p -> System.err.println("leaderboard: skipped " + p.source() + ": " + p.message()));
        board.excluded().forEach(e -> System.err.println("leaderboard: left out " + e.source() + " (" + e.learner()
                + ", day " + e.day() + "): " + e.reason()));
        System.out.printf("%d learners, %d days, %d results left out, %d files skipped -> %s, %s%n",
                board.rows().size(), board.days().size(), board.excluded().size(), board.problems().size(), out, html);
        for (Leaderboard.Row r : board.rows().subList(0, Math.min(10, board.rows().size()))) {
            System.out.printf("  %3d  %-24s %7.1f  %2d solved  streak %d%n", r.rank(), r.learner(), r.total(), r.solved(),
                    r.streak());
        }
        return JudgeCli.OK;
    }
}
