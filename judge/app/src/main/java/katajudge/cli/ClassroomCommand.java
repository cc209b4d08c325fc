package katajudge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import katajudge.board.Leaderboard;
import katajudge.board.LeaderboardBuilder;
import katajudge.classroom.Classroom;
import katajudge.classroom.GradeCache;
import katajudge.classroom.Roster;
import katajudge.grade.Grading;
import katajudge.report.Signer;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import katajudge.spec.ProblemSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "classroom", sortOptions = false,
        description = {
                "Grades a class: for each learner of the roster (name,repository[,ref[,module]]), clones the repository bare, pins the ref to a commit, takes only the regular .java files of the module's src/main/java (no symbolic link, no huge file, nothing posing as a judge class; no build file of the learner ever runs), compiles each day alone with javac, judges it with this judge, signs the result with the grader's Ed25519 key and writes OUT/<learner>/dayNN.json, then OUT/board.json and board.html for these learners.",
                "",
                "--shard i/n grades every n-th learner (a CI matrix); merge the shards' folders with 'judge leaderboard --verify grader.pub'. With --cache, a day is judged again only when its sources, the judge or the problem set changed.",
                "",
                "Refuses to run without the judge's sandbox unless --allow-no-sandbox is given."},
        footerHeading = "%nExamples:%n",
        footer = {"  judge classroom --roster roster.csv --key grader.key --out graded --days 1-5",
                "  KATAS_SIGNING_KEY=\"$(cat grader.key)\" judge classroom --roster roster.csv --shard 2/4 \\",
                "      --cache .katas-cache --out graded-2"})
final class ClassroomCommand extends JudgeCommand {

    @Option(names = "--roster", required = true, paramLabel = "FILE", description = "The class list.")
    Path roster;

    @Option(names = "--key", paramLabel = "FILE", description = "The grader's private key (judge keygen); "
            + "default: the PEM text in $" + Signer.KEY_ENV + ".")
    Path key;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results and the board go (default: graded).")
    Path out = Path.of("graded");

    @Option(names = "--days", paramLabel = "LIST", description = "Days to grade, like 1-5,8 (default: all).")
    String days;

    @Option(names = "--shard", paramLabel = "i/n", description = "Grade only the i-th of n slices of the roster.")
    String shard;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep signed results by the digest of what made "
            + "them, and reuse them when nothing changed.")
    Path cache;

    @Option(names = "--allow-no-sandbox", description = "Grade even where the judge's sandbox is not available "
            + "(learners' code then runs with the grader's rights).")
    boolean allowNoSandbox;

    @Override
    public Integer call() throws Exception {
        JudgeHome home = home();
        home.checkBuilt();
        requireSandbox(allowNoSandbox, sandbox());
        Signer signer = signer();
        Roster all = Roster.read(roster);
        List<Roster.Entry> mine = shard == null ? all.entries() : all.shard(Roster.Shard.parse(shard));
        Set<Integer> chosen = Grading.parseDays(days);
        if (chosen.isEmpty()) {
            chosen = new TreeSet<>();
            for (Path d : new ProblemSet(home.problemsDir()).dayFolders()) {
                chosen.add(Integer.parseInt(d.getFileName().toString().substring(3, 5)));
            }
        }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("katas-classroom-");
        long start = System.nanoTime();
        List<Classroom.LearnerOutcome> outcomes;
        try {
            outcomes = new Classroom(home, signer, new GradeCache(cache), out, work, out()).grade(mine, chosen);
        } finally {
            deleteTree(work);
        }
        Leaderboard board = new LeaderboardBuilder(signer.verifier()).add(out).build(Instant.now());
        Path json = out.resolve("board.json");
        LeaderboardCommand.write(json, board, LeaderboardCommand.htmlNextTo(json));
        int judged = outcomes.stream().mapToInt(Classroom.LearnerOutcome::judged).sum();
        int reused = outcomes.stream().mapToInt(Classroom.LearnerOutcome::reused).sum();
        long failed = outcomes.stream().filter(o -> o.failure() != null).count();
        out().printf("classroom: %d learners%s, %d days judged, %d unchanged (cached), %d not fetched, "
                        + "%.1f s -> %s (key %s)%n", mine.size(), shard == null ? "" : " (shard " + shard + ")", judged,
                reused, failed, (System.nanoTime() - start) / 1e9, out, signer.verifier().keyId());
        return failed > 0 ? JudgeCli.MISMATCH : JudgeCli.OK;
    }

    private Signer signer() throws BadInputException, IOException {
        try {
            if (key != null) {
                return Signer.read(key);
            }
            String pem = System.getenv(Signer.KEY_ENV);
            if (pem == null || pem.isBlank()) {
                throw new BadInputException("grading signs every result: pass --key grader.key or set "
                        + Signer.KEY_ENV + " (make one with 'judge keygen')");
            }
            return Signer.fromPem(pem);
        } catch (Signer.InvalidKeyFileException e) {
            throw new BadInputException((key != null ? key.toString() : "$" + Signer.KEY_ENV) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("--key " + key + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Whether the judge's sandbox can run learners' code here, and if not, why (and how to get it). */
    record SandboxState(boolean available, String detail) {}

    /** SANDBOX: the one place that asks whether the child JVM runs in the judge's sandbox (issue 9's probe). */
    static SandboxState sandbox() {
        katajudge.run.Sandbox.Probe p = katajudge.run.Sandbox.probe();
        return new SandboxState(p.available(), p.detail());
    }

    /**
     * The gate: learners' code must not run with the grader's rights (next to the signing key) unless the
     * teacher says so.
     */
    static void requireSandbox(boolean allowNoSandbox, SandboxState sandbox) throws BadInputException {
        if (allowNoSandbox || sandbox.available()) {
            return;
        }
        throw new BadInputException("the judge's sandbox is not available here (" + sandbox.detail() + "), so "
                + "learners' code would run with your rights and next to your signing key; install it, or pass "
                + "--allow-no-sandbox to grade anyway");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
