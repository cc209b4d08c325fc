package katajudge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipFile;
import katajudge.bundle.Provenance;
import katajudge.bundle.TemplateBuilder;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "template", sortOptions = false,
        description = {
                "Writes a ready-to-push learner repository: statements, APIs, public tests, the starter module, a Makefile and a 'katas' script pinned to a judge bundle (URL and SHA-256), and a feedback-only CI workflow. No hidden tests, no specs, no solutions."},
        footerHeading = "%nExample:%n",
        footer = "  judge template --out ../katas-2026 --bundle dist/katas-judge-1.0.0+abc.zip \\%n"
                + "      --url https://github.com/org/katas/releases/download/v1.0.0/katas-judge-1.0.0+abc.zip")
final class TemplateCommand extends JudgeCommand {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder.")
    Path out;

    @Option(names = "--bundle", required = true, paramLabel = "ZIP", description = "The bundle to pin (make bundle).")
    Path bundle;

    @Option(names = "--url", paramLabel = "URL", description = "Where learners download it (default: the "
            + "bundle's file:// URL, for a study group on one machine).")
    String url;

    @Override
    public Integer call() throws Exception {
        JudgeHome home = Problems.home(parent.problems);
        if (!Files.isRegularFile(bundle)) {
            throw new BadInputException("no bundle at " + bundle + ": run 'make bundle' first");
        }
        String version;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            var manifest = zip.stream().filter(e -> e.getName().endsWith("/problems/" + Provenance.MANIFEST))
                    .findFirst().orElseThrow(() -> new BadInputException(bundle + " is not a judge bundle"));
            version = new ObjectMapper().readTree(zip.getInputStream(manifest)).path("version").asText();
        } catch (IOException e) {
            throw new BadInputException(bundle + " is not a judge bundle: " + e.getMessage());
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle)));
        String where = url != null ? url : bundle.toAbsolutePath().toUri().toString();
        TemplateBuilder.write(home, out, new TemplateBuilder.BundleRef(version, where, sha));
        out().println("learner template in " + out + " (judge " + version + ", " + where + ")");
        return JudgeCli.OK;
    }
}
