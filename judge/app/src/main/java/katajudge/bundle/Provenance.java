package katajudge.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import katajudge.spec.ProblemSet;
import katajudge.spec.SpecException;

/**
 * Which judge and which problem set produced a result: the judge's version
 * and the {@link ProblemDigest} of its problems. A bundle carries both in its
 * {@code problems/bundle.json}; the project tree computes the digest once per
 * run (a few milliseconds) and calls its version {@code <version>-dev}.
 *
 * @param judge      the judge's version, e.g. {@code 1.0.0+3f2a1c9} for a bundle
 * @param problemSet {@code sha256:...} of the problem set
 */
public record Provenance(String judge, String problemSet) {

    /** In a bundle's problems folder: what built it. */
    public static final String MANIFEST = "bundle.json";

    private static final Map<Path, Provenance> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provenance of the problems folder {@code root} (the parent of every day's folder). */
    public static Provenance of(Path root) {
        return CACHE.computeIfAbsent(root.toAbsolutePath().normalize(), r -> {
            try {
                Path manifest = r.resolve(MANIFEST);
                if (Files.isRegularFile(manifest)) {
                    JsonNode m = JSON.readTree(manifest.toFile());
                    return new Provenance(m.path("version").asText(), m.path("problemSet").asText());
                }
                return new Provenance(devVersion(), ProblemDigest.of(r, apiJar(r), packJar(r), baselines(r)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the problem set at " + r, e);
            }
        });
    }

    public static Path apiJar(Path root) {
        return root.resolve("api/target/katas-api.jar");
    }

    public static Path packJar(Path root) {
        return root.resolve("pack/target/katas-pack.jar");
    }

    /** The judge's version from its jar's manifest, marked as a development build. */
    static String devVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return (v == null ? "1.0.0" : v) + "-dev";
    }

    /** Every day's speedup baseline class: the only kept solutions a problem set needs. */
    static Set<String> baselines(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        ProblemSet set = new ProblemSet(root);
        for (Path dir : set.dayFolders()) {
            try {
                var speedup = set.read(dir).spec().speedup();
                if (speedup != null && speedup.baseline() != null) {
                    out.add(speedup.baseline());
                }
            } catch (SpecException e) {
                // A broken day cannot be judged anyway; it still counts in the digest by its files.
            }
        }
        return out;
    }
}
