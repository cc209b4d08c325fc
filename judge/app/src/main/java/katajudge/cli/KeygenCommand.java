package katajudge.cli;

import java.nio.file.Path;
import katajudge.report.Signer;
import katajudge.run.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", sortOptions = false,
        description = {
                "Makes the grader's Ed25519 key pair: NAME.key (private: keep it secret, for example as the CI secret KATAS_SIGNING_KEY of the teacher's grading repository) and NAME.pub (public: publish it next to the board, so anyone can check it with 'judge leaderboard --verify NAME.pub'). Never overwrites an existing key."},
        footerHeading = "%nExample:%n",
        footer = "  judge keygen --dir keys        (keys/grader.key, keys/grader.pub)")
final class KeygenCommand extends JudgeCommand {

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the keys (default: .).")
    Path dir = Path.of(".");

    @Option(names = "--name", paramLabel = "NAME", description = "The files' name (default: grader).")
    String name = "grader";

    @Override
    public Integer call() throws Exception {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new BadInputException("--name: letters, digits, '.', '_' or '-' only");
        }
        Signer signer = Signer.generate();
        try {
            signer.writeKeys(dir, name);
        } catch (java.io.IOException e) {
            throw new BadInputException(e.getMessage());
        }
        out().println("private key " + dir.resolve(name + ".key") + " (keep it secret), public key "
                + dir.resolve(name + ".pub") + " (publish it); key id " + signer.verifier().keyId());
        return JudgeCli.OK;
    }
}
