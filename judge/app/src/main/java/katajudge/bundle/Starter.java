package katajudge.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The starter module every learner copies, known by the SHA-256 of each of
 * its source files (under {@code src/main/java}), so grading can tell a day
 * the learner has not touched yet and report it in one line, scored 0,
 * without starting a JVM for it. A bundle carries the digests in its
 * manifest; the project tree reads {@code submissions/starter}.
 */
public record Starter(Map<String, String> files) {

    public static Starter of(Path problemsRoot) throws IOException {
        Path manifest = problemsRoot.resolve(Provenance.MANIFEST);
        Map<String, String> files = new TreeMap<>();
        if (Files.isRegularFile(manifest)) {
            JsonNode starter = new ObjectMapper().readTree(manifest.toFile()).path("starter");
            starter.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            return new Starter(files);
        }
        Path src = problemsRoot.resolveSibling("submissions/starter/src/main/java");
        for (Path f : ProblemDigest.files(src)) {
            files.put(src.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
        }
        return new Starter(files);
    }

    /** Whether the module's sources of {@code day} (package katas.dayNN) are exactly the starter's. */
    public boolean untouched(Path module, int day) throws IOException {
        String prefix = String.format("katas/day%02d/", day);
        Path src = module.resolve("src/main/java");
        Map<String, String> mine = new TreeMap<>();
        for (Path f : ProblemDigest.files(src.resolve(prefix))) {
            mine.put(src.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
        }
        Map<String, String> theirs = new TreeMap<>();
        files.forEach((path, sha) -> {
            if (path.startsWith(prefix)) {
                theirs.put(path, sha);
            }
        });
        return !theirs.isEmpty() && mine.equals(theirs);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
