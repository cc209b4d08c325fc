package katajudge.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import katajudge.run.SolutionJar;

/**
 * The identity of a problem set: one SHA-256 over everything that decides a
 * grade (each day's spec and the judge's spec defaults, statement, API and public tests, and the compiled
 * hidden tests, workloads and baselines of the judge pack), so a result can
 * say exactly which tests made it. The same content gives the same digest in
 * the project tree and in a bundle, because both are hashed through
 * {@link #bundled}: the kept solutions other than the baselines are not part
 * of a problem set (they check the judge, they do not grade anyone).
 */
public final class ProblemDigest {

    /** A day's folder pieces that belong to the problem set (the rest, like solutions/, does not). */
    static final List<String> DAY_PIECES = List.of("README.md", "spec.json", "api", "tests/public");

    private ProblemDigest() {}

    /** Whether a class of the judge pack goes into a bundle: tests and workloads, and the speedup baselines. */
    public static boolean bundled(String entry, Set<String> baselines) {
        return SolutionJar.partOfProblemSet(entry, baselines);
    }

    /**
     * The digest of the problems folder {@code root}: its day folders' pieces, the API jar and the bundled
     * part of the pack jar, each hashed with its relative name.
     */
    public static String of(Path root, Path apiJar, Path packJar, Set<String> baselines) throws IOException {
        TreeMap<String, byte[]> parts = new TreeMap<>();
        try (Stream<Path> days = Files.list(root)) {
            for (Path day : days.filter(d -> d.getFileName().toString().matches("day\\d{2}-.*")).toList()) {
                for (String piece : DAY_PIECES) {
                    for (Path f : files(day.resolve(piece))) {
                        parts.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            }
        }
        // What a spec.json leaves out comes from the judge's defaults: they decide grades as much as the spec.
        try (InputStream defaults = katajudge.spec.ProblemSet.class.getResourceAsStream("spec-defaults.json")) {
            if (defaults != null) {
                parts.put("judge:spec-defaults.json", defaults.readAllBytes());
            }
        }
        addJar(parts, "api:", apiJar, e -> true);
        addJar(parts, "pack:", packJar, e -> bundled(e, baselines));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var e : parts.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(MessageDigest.getInstance("SHA-256").digest(e.getValue()));
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Regular files under {@code p} (or {@code p} itself), sorted; symbolic links are not followed. */
    static List<Path> files(Path p) throws IOException {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Collections.emptyList();
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return new ArrayList<>(walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList());
        }
    }

    private static void addJar(TreeMap<String, byte[]> parts, String prefix, Path jar,
                               java.util.function.Predicate<String> keep) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                // The manifest holds build tool and time stamps, not problem content.
                if (e.isDirectory() || e.getName().startsWith("META-INF/") || !keep.test(e.getName())) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    parts.put(prefix + e.getName(), in.readAllBytes());
                }
            }
        }
    }
}
