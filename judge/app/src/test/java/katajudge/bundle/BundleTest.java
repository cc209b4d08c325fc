package katajudge.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import katajudge.run.JudgeHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle carries the judge and the problem set but no answers; the template carries neither. */
class BundleTest {

    @TempDir
    static Path tmp;
    static JudgeHome home;
    static BundleBuilder.Built built;

    @BeforeAll
    static void build() throws Exception {
        home = JudgeHome.locate(null);
        built = BundleBuilder.build(home, tmp.resolve("dist"), "abc1234");
    }

    @Test
    void theBundleIsVersionedAndItsDigestIsTheProblemSetsOwn() throws Exception {
        assertEquals("katas-judge-1.0.0+abc1234.zip", built.zip().getFileName().toString());
        Path top = BundleBuilder.unpack(built.zip(), tmp.resolve("unpacked"));
        JsonNode manifest = new ObjectMapper().readTree(top.resolve("problems/bundle.json").toFile());
        assertEquals("1.0.0+abc1234", manifest.path("version").asText());
        assertEquals(built.problemSet(), manifest.path("problemSet").asText());
        assertEquals(30, manifest.path("days").size());
        Path problems = top.resolve("problems");
        assertEquals(built.problemSet(), ProblemDigest.of(problems, Provenance.apiJar(problems),
                Provenance.packJar(problems), Provenance.baselines(problems)), "unpacked, it hashes the same");
        assertEquals(built.problemSet(), Provenance.of(home.problemsDir()).problemSet(),
                "results judged in the project tree name the same problem set");
        assertTrue(Files.isRegularFile(top.resolve("judge.jar")) && Files.isRegularFile(top.resolve("lib/judge-agent.jar")));
    }

    @Test
    void theBundleHoldsNoKeptSolutionButTheSpeedupBaselines() throws Exception {
        var baselines = Provenance.baselines(home.problemsDir());
        assertFalse(baselines.isEmpty());
        List<String> solutionClasses = new java.util.ArrayList<>();
        try (ZipFile zip = new ZipFile(built.zip().toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                assertFalse(e.getName().contains("/solutions/") || e.getName().contains("tests/hidden"), e.getName());
                if (e.getName().endsWith("katas-pack.jar")) {
                    try (ZipInputStream pack = new ZipInputStream(zip.getInputStream(e))) {
                        for (ZipEntry c; (c = pack.getNextEntry()) != null; ) {
                            if (c.getName().contains("/solutions/")) {
                                solutionClasses.add(c.getName());
                            }
                        }
                    }
                }
            }
        }
        for (String c : solutionClasses) {
            String cls = c.replace(".class", "").replace('/', '.').replaceFirst("\\$.*", "");
            assertTrue(baselines.contains(cls), c + " is a kept solution, not a baseline");
        }
        assertTrue(solutionClasses.contains("katas/day01/solutions/slow/Sequential.class"));
        assertFalse(solutionClasses.contains("katas/day01/solutions/accepted/Reference.class"));
    }

    @Test
    void theTemplateHasStatementsApiPublicTestsAndStarterButNothingHiddenOrSolved() throws Exception {
        Path out = tmp.resolve("template");
        TemplateBuilder.write(home, out, new TemplateBuilder.BundleRef("1.0.0+abc1234", "file:///b.zip", "00ff"));
        List<String> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
        for (String f : files) {
            assertFalse(f.contains("hidden") || f.contains("solutions") || f.endsWith("spec.json"), f);
        }
        // Nothing of any kept solution, under any name: no template file has a solution's source text.
        try (Stream<Path> sols = Files.walk(home.problemsDir())) {
            List<String> solved = sols.filter(p -> p.toString().contains("/solutions/") && p.toString().endsWith(".java"))
                    .map(p -> { try { return Files.readString(p); } catch (java.io.IOException e) { throw new RuntimeException(e); } })
                    .toList();
            for (String f : files) {
                String text = Files.readString(out.resolve(f));
                assertFalse(solved.contains(text), f + " is a kept solution");
            }
        }
        assertTrue(files.contains("problems/day01-goroutines/README.md"));
        assertTrue(files.contains("problems/day01-goroutines/api/Goroutines.java"));
        assertTrue(files.contains("problems/day01-goroutines/tests/public/Day01PublicTest.java"));
        assertTrue(files.contains("src/main/java/katas/day01/MyGoroutines.java"));
        assertTrue(files.containsAll(List.of("Makefile", "katas", ".gitignore", ".github/workflows/feedback.yml",
                ".gitlab-ci.yml", ".katas/bundle.properties")), files::toString);
        assertTrue(Files.isExecutable(out.resolve("katas")));
        String pin = Files.readString(out.resolve(".katas/bundle.properties"));
        assertTrue(pin.contains("version='1.0.0+abc1234'") && pin.contains("sha256='00ff'"), pin);
        String ci = Files.readString(out.resolve(".github/workflows/feedback.yml"));
        assertTrue(ci.contains("--module .") && !ci.contains(".who"), ci);
    }
}
