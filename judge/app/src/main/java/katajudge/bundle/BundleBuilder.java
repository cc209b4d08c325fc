package katajudge.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import katajudge.run.JudgeHome;

/**
 * {@code make bundle}: the judge as one versioned, self-contained zip a
 * teacher pins and learners cannot edit: the judge and its agent, and the
 * problem set (every day's spec, statement, API and public tests; the
 * compiled hidden tests, workloads and baselines), with
 * {@code problems/bundle.json} naming the version and the problem-set digest.
 * No kept solution other than the speedup baselines goes in.
 *
 * <pre>
 * katas-judge-VERSION/judge.jar, lib/*.jar
 * katas-judge-VERSION/problems/bundle.json, api/target/katas-api.jar, pack/target/katas-pack.jar
 * katas-judge-VERSION/problems/dayNN-slug/README.md, spec.json, api/, tests/public/
 * </pre>
 */
public final class BundleBuilder {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The zip written, its version and the problem-set digest it carries. */
    public record Built(Path zip, String version, String problemSet) {}

    private BundleBuilder() {}

    /** @param commit the project's commit (short), or null; it becomes part of the version */
    public static Built build(JudgeHome home, Path outDir, String commit) throws IOException {
        Path root = home.problemsDir();
        String base = Provenance.devVersion().replaceFirst("-dev$", "");
        String version = commit == null || commit.isBlank() ? base : base + "+" + commit;
        Set<String> baselines = Provenance.baselines(root);
        String digest = ProblemDigest.of(root, home.apiJar(), home.packJar(), baselines);
        String top = "katas-judge-" + version + "/";
        Files.createDirectories(outDir);
        Path zip = outDir.resolve("katas-judge-" + version + ".zip");
        Path tmp = Files.createTempFile(outDir, ".bundle-", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            put(out, top + "judge.jar", Files.readAllBytes(home.appJar()));
            for (Path lib : ProblemDigest.files(home.libDir())) {
                put(out, top + "lib/" + home.libDir().relativize(lib).toString().replace('\\', '/'),
                        Files.readAllBytes(lib));
            }
            put(out, top + "problems/api/target/katas-api.jar", Files.readAllBytes(home.apiJar()));
            put(out, top + "problems/pack/target/katas-pack.jar", filteredPack(home.packJar(), baselines));
            List<String> days;
            try (Stream<Path> list = Files.list(root)) {
                days = list.map(d -> d.getFileName().toString()).filter(n -> n.matches("day\\d{2}-.*")).sorted()
                        .toList();
            }
            for (String day : days) {
                for (String piece : ProblemDigest.DAY_PIECES) {
                    for (Path f : ProblemDigest.files(root.resolve(day).resolve(piece))) {
                        put(out, top + "problems/" + root.relativize(f).toString().replace('\\', '/'),
                                Files.readAllBytes(f));
                    }
                }
            }
            ObjectNode manifest = JSON.createObjectNode().put("schema", "katas-judge/bundle/v1")
                    .put("version", version).put("commit", commit).put("problemSet", digest)
                    .put("jdk", Runtime.version().feature());
            manifest.set("days", JSON.valueToTree(days));
            // So grading from the bundle can tell a day still the untouched template (one line, scored 0).
            manifest.set("starter", JSON.valueToTree(Starter.of(root).files()));
            put(out, top + "problems/" + Provenance.MANIFEST, JSON.writeValueAsBytes(manifest));
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            // A temporary file is owner-only; the bundle is meant to be published.
            Files.setPosixFilePermissions(zip, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return new Built(zip, version, digest);
    }

    /** The pack jar without the kept solutions (except baselines): they would hand out the answers. */
    private static byte[] filteredPack(Path pack, Set<String> baselines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(pack.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                if (e.isDirectory() || !ProblemDigest.bundled(e.getName(), baselines)) {
                    continue;
                }
                try (InputStream data = in.getInputStream(e)) {
                    put(out, e.getName(), data.readAllBytes());
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // the same content gives the same zip
        out.putNextEntry(e);
        out.write(data);
        out.closeEntry();
    }

    /** Unpacks a bundle zip into {@code dir} (for tests and the template's script's users without unzip). */
    public static Path unpack(Path zip, Path dir) throws IOException {
        Path top = null;
        try (ZipFile in = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(in.entries())) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException(zip + ": entry " + e.getName() + " leaves the folder");
                }
                Files.createDirectories(target.getParent());
                try (InputStream data = in.getInputStream(e); OutputStream file = Files.newOutputStream(target)) {
                    data.transferTo(file);
                }
                if (top == null) {
                    top = dir.resolve(e.getName().substring(0, e.getName().indexOf('/')));
                }
            }
        }
        return top;
    }
}
