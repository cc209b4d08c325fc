package katajudge.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import katajudge.bundle.Provenance;

/**
 * Incremental grading: a day's signed result is kept under a key made of
 * everything that could change it (the judge version, the problem-set
 * digest, the signing key, the day, and the git blob of every source the day
 * compiles), so a nightly run over a whole class judges only what changed.
 * The folder is meant for a CI cache (actions/cache, GitLab cache:).
 */
public final class GradeCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    /** @param dir the cache folder, or null for no cache (every day is graded) */
    public GradeCache(Path dir) {
        this.dir = dir;
    }

    public static String key(Provenance judge, String keyId, int day, Map<String, String> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder().append(judge.judge()).append('\n').append(judge.problemSet())
                    .append('\n').append(keyId).append('\n').append(day).append('\n');
            sources.forEach((path, blob) -> text.append(path).append('\0').append(blob).append('\n'));
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result stored under exactly this key, if any. */
    public Optional<ObjectNode> lookup(String learner, int day, String key) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(learner).resolve(String.format("day%02d-%s.json", day, key));
        try {
            return Files.isRegularFile(file) ? Optional.of((ObjectNode) JSON.readTree(file.toFile())) : Optional.empty();
        } catch (IOException | ClassCastException e) {
            return Optional.empty(); // a damaged entry is graded again
        }
    }

    /** Keeps the result under its key, replacing the day's older entries. */
    public void store(String learner, int day, String key, ObjectNode result) throws IOException {
        if (dir == null) {
            return;
        }
        Path folder = dir.resolve(learner);
        Files.createDirectories(folder);
        String prefix = String.format("day%02d-", day);
        try (var old = Files.list(folder)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(p);
            }
        }
        JSON.writeValue(folder.resolve(prefix + key + ".json").toFile(), result);
    }
}
