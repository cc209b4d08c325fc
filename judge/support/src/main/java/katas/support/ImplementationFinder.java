package katas.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds the class that implements a kata's API in a jar or a folder of
 * classes, reading class files without loading them (no learner code runs).
 *
 * <p>The judge uses it to refuse bad submissions before forking anything
 * (no implementation, two of them, a class compiled for a newer JDK), and
 * {@link Katas} uses it to find the learner's class when public tests run in
 * an IDE.
 */
public final class ImplementationFinder {

    /** The newest class-file major version this JVM can load. */
    public static final int SUPPORTED_MAJOR = Runtime.version().feature() + 44;

    /** The outcome of a search: exactly one of these. */
    public sealed interface Outcome {
        record Found(String className) implements Outcome {}
        record None(String api) implements Outcome {}
        record Several(String api, List<String> classNames) implements Outcome {}
        record TooNew(String className, int javaRelease) implements Outcome {}
    }

    private ImplementationFinder() {}

    /** Reads every class in a jar or below a folder. */
    public static List<ClassInfo> scan(Path jarOrFolder) throws IOException {
        if (Files.isDirectory(jarOrFolder)) {
            List<ClassInfo> infos = new ArrayList<>();
            try (Stream<Path> files = Files.walk(jarOrFolder)) {
                for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                    infos.add(read(Files.readAllBytes(file), file.toString()));
                }
            }
            return infos;
        }
        try (ZipFile zip = new ZipFile(jarOrFolder.toFile())) {
            List<ClassInfo> infos = new ArrayList<>();
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory() || !entry.getName().endsWith(".class")
                        || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    infos.add(read(in.readAllBytes(), entry.getName()));
                }
            }
            return infos;
        } catch (ZipException e) {
            throw new IOException("not a readable jar (" + e.getMessage() + ")", e);
        }
    }

    /** Parses one class file; a version newer than this JVM is kept as such, not parsed. */
    static ClassInfo read(byte[] bytes, String where) throws IOException {
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0xCA || (bytes[1] & 0xff) != 0xFE) {
            throw new IOException(where + " is not a class file");
        }
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        String guessedName = where.replace('\\', '/').replaceAll("\\.class$", "").replace('/', '.');
        if (major > SUPPORTED_MAJOR) {
            return new ClassInfo(guessedName, null, List.of(), major, false, false);
        }
        try {
            ClassModel model = ClassFile.of().parse(bytes);
            List<String> interfaces = model.interfaces().stream()
                    .map(i -> i.asInternalName().replace('/', '.')).toList();
            String superName = model.superclass().map(s -> s.asInternalName().replace('/', '.')).orElse(null);
            return new ClassInfo(model.thisClass().asInternalName().replace('/', '.'), superName, interfaces,
                    major, model.flags().has(AccessFlag.ABSTRACT), model.flags().has(AccessFlag.INTERFACE));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + " is not a valid class file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The one concrete class that implements {@code api}, directly or through
     * superclasses and interfaces found among {@code classes}.
     */
    public static Outcome find(List<ClassInfo> classes, String api) {
        for (ClassInfo c : classes) {
            if (c.majorVersion() > SUPPORTED_MAJOR) {
                return new Outcome.TooNew(c.name(), c.javaRelease());
            }
        }
        Map<String, ClassInfo> byName = new HashMap<>();
        classes.forEach(c -> byName.put(c.name(), c));
        List<String> found = classes.stream()
                .filter(c -> !c.isAbstract() && !c.isInterface())
                .filter(c -> implementsApi(c, api, byName, 0))
                .map(ClassInfo::name).sorted().toList();
        return switch (found.size()) {
            case 0 -> new Outcome.None(api);
            case 1 -> new Outcome.Found(found.getFirst());
            default -> new Outcome.Several(api, found);
        };
    }

    private static boolean implementsApi(ClassInfo c, String api, Map<String, ClassInfo> byName, int depth) {
        if (c == null || depth > 64) {
            return false;
        }
        for (String i : c.interfaces()) {
            if (i.equals(api) || implementsApi(byName.get(i), api, byName, depth + 1)) {
                return true;
            }
        }
        return c.superName() != null && implementsApi(byName.get(c.superName()), api, byName, depth + 1);
    }

    /** Scans a location, rethrowing I/O trouble unchecked (for test code). */
    static List<ClassInfo> scanUnchecked(Path location) {
        try {
            return scan(location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
