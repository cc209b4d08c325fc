package katajudge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import katajudge.bundle.BundleBuilder;
import katajudge.run.JudgeHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bundle", sortOptions = false,
        description = {
                "Writes the judge bundle: one versioned zip with the judge, its agent and the problem set (every day's spec, statement, API and public tests; compiled hidden tests, workloads and baselines; no other kept solution) and problems/bundle.json with the version and the problem-set digest. Teachers grade with it; learners' templates pin it for practice."},
        footerHeading = "%nExample:%n",
        footer = "  judge bundle --out dist --commit $(git rev-parse --short HEAD)      (make bundle)")
final class BundleCommand extends JudgeCommand {

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the zip (default: dist).")
    Path out = Path.of("dist");

    @Option(names = "--commit", paramLabel = "SHA", description = "The project's commit, part of the version.")
    String commit;

    @Override
    public Integer call() throws Exception {
        JudgeHome home = Problems.home(parent.problems);
        home.checkBuilt();
        BundleBuilder.Built b = BundleBuilder.build(home, out, commit);
        out().printf("%s  %.1f MB  version %s  problem set %s%n", b.zip(), Files.size(b.zip()) / 1e6,
                b.version(), b.problemSet());
        return JudgeCli.OK;
    }
}
