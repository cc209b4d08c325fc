package katajudge.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Packs one solution kept in a problem folder (compiled into the judge pack)
 * into a jar of its own, so the judge sees it exactly as it sees a learner's
 * jar: the class and its nested classes, nothing else.
 */
public final class SolutionJar {

    private SolutionJar() {}

    public static Path extract(Path packJar, String className, Path dir) throws IOException {
        String path = className.replace('.', '/');
        Path jar = dir.resolve(className + ".jar");
        int written = 0;
        try (ZipFile pack = new ZipFile(packJar.toFile());
             OutputStream file = Files.newOutputStream(jar);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(pack.entries())) {
                String name = e.getName();
                if (name.equals(path + ".class") || (name.startsWith(path + "$") && name.endsWith(".class"))) {
                    out.putNextEntry(new ZipEntry(name));
                    try (InputStream in = pack.getInputStream(e)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                    written++;
                }
            }
        }
        if (written == 0) {
            throw new IOException(className + " is not in " + packJar + ": rebuild with 'make build'");
        }
        return jar;
    }
}
