package katajudge.classroom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import katajudge.bundle.Provenance;
import katajudge.grade.Grading;
import katajudge.report.Result;
import katajudge.report.ResultStore;
import katajudge.report.Signer;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;

/**
 * Grades a roster (or one shard of it) the way a course does: each learner's
 * repository at a pinned commit, only its {@code src/main/java}, each day
 * compiled on its own (its package and the shared code) with the judge's own
 * javac and judged by this judge; every result signed with the grader's key
 * and written as {@code OUT/<learner>/dayNN.json}. Days whose sources, judge
 * and problem set are unchanged since the cached run are not judged again.
 */
public final class Classroom {

    /** What one learner's grading did. */
    public record LearnerOutcome(String learner, String commit, int judged, int reused, List<Integer> notDone,
                                 Map<String, String> ignored, String failure) {}

    private final JudgeHome home;
    private final Signer signer;
    private final GradeCache cache;
    private final Path out;
    private final Path work;
    private final PrintWriter log;

    public Classroom(JudgeHome home, Signer signer, GradeCache cache, Path out, Path work, PrintWriter log) {
        this.home = home;
        this.signer = signer;
        this.cache = cache;
        this.out = out;
        this.work = work;
        this.log = log;
    }

    public List<LearnerOutcome> grade(List<Roster.Entry> learners, Set<Integer> days) throws IOException {
        Set<String> judgeClasses = judgeClasses();
        Provenance judge = Provenance.of(home.problemsDir());
        List<LearnerOutcome> outcomes = new ArrayList<>();
        for (Roster.Entry e : learners) {
            outcomes.add(gradeOne(e, days, judgeClasses, judge));
        }
        return outcomes;
    }

    private LearnerOutcome gradeOne(Roster.Entry e, Set<Integer> days, Set<String> judgeClasses, Provenance judge)
            throws IOException {
        Path mine = work.resolve(e.name());
        LearnerSources sources;
        try {
            sources = LearnerSources.fetch(e, mine.resolve("git"), judgeClasses);
        } catch (LearnerSources.GitException ex) {
            log.println(e.name() + ": not graded: " + ex.getMessage());
            return new LearnerOutcome(e.name(), null, 0, 0, List.of(), Map.of(), ex.getMessage());
        }
        log.printf("%s: commit %s, %d source files%s%n", e.name(), sources.commit().substring(0, 12),
                sources.files().size(), sources.ignored().isEmpty() ? ""
                        : ", left out " + sources.ignored().size() + ": " + sources.ignored());
        int judged = 0;
        int reused = 0;
        List<Integer> notDone = new ArrayList<>();
        for (int day : days) {
            if (!sources.implementsDay(day)) {
                notDone.add(day);
                continue;
            }
            Map<String, String> files = sources.forDay(day);
            String key = GradeCache.key(judge, signer.verifier().keyId(), day, files);
            var cached = cache.lookup(e.name(), day, key);
            ObjectNode signed;
            if (cached.isPresent()) {
                signed = cached.get();
                reused++;
            } else {
                signed = judgeDay(e, sources, day, files, mine.resolve(String.format("day%02d", day)));
                if (signed == null) {
                    notDone.add(day);
                    continue;
                }
                cache.store(e.name(), day, key, signed);
                judged++;
            }
            Path file = out.resolve(e.name()).resolve(String.format("day%02d.json", day));
            Files.createDirectories(file.getParent());
            ResultStore.JSON.writeValue(file.toFile(), signed);
        }
        if (!notDone.isEmpty()) {
            log.println(e.name() + ": not done (no class in katas.dayNN): days " + notDone);
        }
        return new LearnerOutcome(e.name(), sources.commit(), judged, reused, notDone, sources.ignored(), null);
    }

    /** Judges one day from a fresh folder holding only that day's sources; null when no class implements it. */
    private ObjectNode judgeDay(Roster.Entry e, LearnerSources sources, int day, Map<String, String> files,
                                Path module) throws IOException {
        try {
            sources.extract(files, module.resolve("src/main/java"));
            Grading grading = new Grading(home, module, e.name(), log, false, 1.0);
            Grading.Outcome o = grading.grade(Set.of(day));
            if (o.results().isEmpty()) {
                return null;
            }
            Result r = o.results().getFirst();
            ObjectNode node = ResultStore.JSON.valueToTree(r);
            node.putObject("graded").put("repository", e.repository()).put("commit", sources.commit())
                    .put("module", e.module());
            signer.sign(node);
            return node;
        } catch (LearnerSources.GitException | BadInputException ex) {
            log.println(e.name() + ": day " + day + " not judged: " + ex.getMessage());
            return null;
        }
    }

    /** Every class of the problem set, so a learner's file cannot define one. */
    private Set<String> judgeClasses() throws IOException {
        Set<String> out = new TreeSet<>();
        for (Path jar : List.of(home.apiJar(), home.packJar())) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry z : Collections.list(zip.entries())) {
                    if (z.getName().endsWith(".class")) {
                        out.add(z.getName());
                    }
                }
            }
        }
        return out;
    }
}
