package katajudge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

@Command(name = "leaderboard", sortOptions = false,
        description = {
                "Builds a study group's board from any number of learners' results: leaderboard.json (rank, learner, total of best scores, days solved, streak, and per day the best score, its verdict, attempts and when first accepted) and a self-contained HTML page.",
                "",
                "Inputs are results folders (searched for dayNN.json, history.jsonl and grades.json) or single files, for example gathered from several repositories or CI runners. The starter template is not a learner and is left out. Unreadable or foreign files are skipped; nothing is written back. With --verify PUBLIC_KEY only results signed by the grader's key (judge classroom) are ranked; one line says what was left out and why, and the JSON board lists each one."},
        footerHeading = "%nExamples:%n",
        footer = {"  judge leaderboard                              (every submissions/*/results)",
                "  judge leaderboard --verify grader.pub gathered/ --out site/board.json"})
final class LeaderboardCommand extends JudgeCommand {

    @Parameters(paramLabel = "PATH", description = "Results folders or files (default: submissions/*/results).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "The JSON board (default: leaderboard.json); the "
            + "HTML page goes next to it with the extension .html unless --html says otherwise.")
    Path out = Path.of("leaderboard.json");

    @Option(names = "--html", paramLabel = "FILE", description = "The HTML page (default: --out with .html).")
    Path html;

    @Option(names = "--verify", paramLabel = "PUBLIC_KEY", description = "Rank only results signed with the "
            + "private key of this public key (written by 'judge keygen').")
    Path publicKey;

    @Override
    public Integer call() throws Exception {
        Signer.Verifier verifier = null;
        if (publicKey != null) {
            try {
                verifier = Signer.Verifier.read(publicKey);
            } catch (java.io.IOException | Signer.InvalidKeyFileException e) {
                throw new BadInputException("--verify " + publicKey + ": " + e.getMessage());
            }
        }
        List<Path> paths = new ArrayList<>(inputs);
        if (paths.isEmpty()) {
            Path submissions = Problems.home(parent.problems).projectRoot().resolve("submissions");
            try (Stream<Path> dirs = Files.list(submissions)) {
                // The starter is the template every learner copies, not a learner.
                dirs.filter(d -> !d.getFileName().toString().equals("starter"))
                        .map(d -> d.resolve("results")).filter(Files::isDirectory).sorted().forEach(paths::add);
            }
        }
        LeaderboardBuilder builder = new LeaderboardBuilder(verifier);
        for (Path p : paths) {
            builder.add(p);
        }
        Leaderboard board = builder.build(Instant.now());
        Path page = html != null ? html : htmlNextTo(out);
        write(out, board, page);
        String summary = LeaderboardBuilder.summary(board);
        if (summary != null) {
            err().println("leaderboard: " + summary);
        }
        out().printf("%d learners, %d days%s -> %s, %s%n", board.rows().size(), board.days().size(),
                board.verified() ? ", signatures checked" : "", out, page);
        for (Leaderboard.Row r : board.rows().subList(0, Math.min(10, board.rows().size()))) {
            out().printf("  %3d  %-24s %7.1f  %2d solved  streak %d%n", r.rank(), r.learner(), r.total(), r.solved(),
                    r.streak());
        }
        return JudgeCli.OK;
    }

    /** Both files of a board; shared with the classroom command, which writes its board the same way. */
    static void write(Path json, Leaderboard board, Path page) throws java.io.IOException {
        Path parentDir = json.toAbsolutePath().getParent();
        Files.createDirectories(parentDir);
        ResultStore.JSON.writeValue(json.toFile(), board);
        Files.writeString(page, LeaderboardPage.render(board));
    }

    /** board.json -> board.html, in the same folder. */
    static Path htmlNextTo(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".html");
    }
}
