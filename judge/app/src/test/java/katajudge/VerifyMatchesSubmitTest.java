package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code judge verify} judges a kept solution exactly as a learner's jar: each
 * kept solution of the fixture, compiled from its source into a jar of its
 * own and judged with {@code submit --jar}, gets the same result JSON as
 * verify gives it, times and paths aside. The fixture keeps a solution that
 * loads its own nested class by name from the test's class loader, as
 * Lincheck does: it passed under verify while the pack (kept solutions
 * included) was on the child's class path, and failed as a learner's jar.
 */
@Execution(ExecutionMode.SAME_THREAD)
class VerifyMatchesSubmitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyKeptSolutionGetsTheSameResultThroughSubmitAndVerify() throws IOException {
        Path verified = Files.createTempDirectory(Fixture.ROOT, "verified-");
        Fixture.run(null, "verify", "--day", "1", "--results", verified.toString());
        Path solutions = Fixture.PROBLEMS.resolve("day01-fixture/solutions");
        int compared = 0;
        try (Stream<Path> walk = Files.walk(solutions)) {
            for (Path source : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                String folder = source.getParent().getFileName().toString();
                String simple = source.getFileName().toString().replace(".java", "");
                JsonNode fromVerify = JSON.readTree(verified.resolve("day01-" + folder + "-" + simple + ".json")
                        .toFile());
                Path jar = Fixture.learnerJar("kept-" + simple, Map.of(
                        "katas.fixture.solutions." + folder + "." + simple, Files.readString(source)));
                Path json = Fixture.ROOT.resolve("results/kept-" + simple + ".json");
                Fixture.Outcome submitted = Fixture.run(json, "submit", "--day", "1", "--jar", jar.toString(),
                        "--who", "verify", "--json", json.toString());
                assertEquals(withoutTimes(fromVerify).toPrettyString(), withoutTimes(submitted.result())
                        .toPrettyString(), folder + "/" + simple + " differs between verify and submit --jar");
                assertEquals(folder.toUpperCase(), submitted.verdict(), submitted::toString);
                compared++;
            }
        }
        assertEquals(2, compared, "the fixture keeps two solutions");
    }

    /** The result without what differs between any two judgings: times, the jar's path, the machine's load. */
    private static JsonNode withoutTimes(JsonNode result) {
        ObjectNode copy = result.deepCopy();
        copy.remove(java.util.List.of("judgedAt", "jar", "timing", "signature"));
        ((ObjectNode) copy.get("environment")).remove("loadAverage");
        copy.withArray("tests").forEach(t -> ((ObjectNode) t).remove("millis"));
        return copy;
    }
}
