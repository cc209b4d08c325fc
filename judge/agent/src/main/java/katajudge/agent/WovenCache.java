package katajudge.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The agent's cache of woven JDK class files, one folder per JDK build and
 * agent build, with a digest list ({@value #DIGESTS}: SHA-256 and class name
 * per line) written last. A class file is only used when it matches the
 * digest it was saved with: one altered file (an unwoven class slipped in to
 * switch the guard off) means weaving afresh. In a judging the cache is read
 * only (and read-only inside the sandbox): only the build's warm-up run,
 * before any learner code exists, writes it.
 */
public final class WovenCache {

    static final String DIGESTS = "woven.sha256";

    private WovenCache() {}

    /** The cached class files of {@code types}, or null when one is missing or does not match its digest. */
    public static Map<String, byte[]> read(Path dir, List<String> types) {
        try {
            Path digests = dir.resolve(DIGESTS);
            if (!Files.isRegularFile(digests)) {
                return null;
            }
            Map<String, String> expected = new HashMap<>();
            for (String line : Files.readAllLines(digests, StandardCharsets.US_ASCII)) {
                String[] parts = line.split(" ", 2);
                if (parts.length == 2) {
                    expected.put(parts[1], parts[0]);
                }
            }
            Map<String, byte[]> classes = new HashMap<>();
            for (String type : types) {
                Path file = dir.resolve(type + ".class");
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (!sha256(bytes).equals(expected.get(type))) {
                    return null; // altered since it was woven: never trusted
                }
                classes.put(type, bytes);
            }
            return classes;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Saves the woven class files, then their digests; quietly nothing when the folder is read-only. */
    public static void write(Path dir, List<String> types, Map<String, byte[]> woven) {
        try {
            Files.createDirectories(dir);
            StringBuilder digests = new StringBuilder();
            for (String type : types) {
                replace(dir, type + ".class", woven.get(type));
                digests.append(sha256(woven.get(type))).append(' ').append(type).append('\n');
            }
            replace(dir, DIGESTS, digests.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // no cache this time: the next JVM weaves again
        }
    }

    private static void replace(Path dir, String name, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
