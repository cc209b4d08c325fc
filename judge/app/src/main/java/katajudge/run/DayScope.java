package katajudge.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The classes of a submission that one day's judging may run: a learner's
 * module holds every day's code in one jar, and day 22 (no {@code
 * Thread.sleep}) or day 30 (queues only) must not be judged on the sleeps and
 * monitors of days 1 to 21. In scope: the day's own package (and the packages
 * below it), every class outside the days' packages (code the learner shares
 * between days), and every other day's class that code in scope refers to,
 * transitively (calling day 21's helper from day 22 is using it). The rest is
 * left out of the jar the child loads, so it can be neither scanned nor
 * reached by reflection.
 *
 * @param jar     the submission
 * @param classes the class files in scope, as entry names ({@code katas/day22/MySleep.class})
 * @param all     every class file in the jar
 */
public record DayScope(Path jar, Set<String> classes, Set<String> all) {

    /** A day's package as an entry-name prefix: {@code katas/day22/}. */
    private static final Pattern DAY_PACKAGE = Pattern.compile("^(katas/day\\d+/)");

    public DayScope {
        classes = Set.copyOf(classes);
        all = Set.copyOf(all);
    }

    /** The scope of the day whose API is {@code api} ({@code katas.day22.OwnSleep}); all of it when null. */
    public static DayScope of(Path jar, String api) throws IOException {
        String day = api == null ? null : dayPackage(api.replace('.', '/'));
        Map<String, byte[]> bytes = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        bytes.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        if (day == null) {
            return new DayScope(jar, bytes.keySet(), bytes.keySet());
        }
        Set<String> scope = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String name : bytes.keySet()) {
            String pkg = dayPackage(name);
            if (pkg == null || pkg.equals(day)) {
                scope.add(name);
                todo.add(name);
            }
        }
        while (!todo.isEmpty()) {
            for (String referenced : references(bytes.get(todo.pop()))) {
                String entry = referenced + ".class";
                if (bytes.containsKey(entry) && scope.add(entry)) {
                    todo.add(entry);
                }
            }
        }
        return new DayScope(jar, scope, bytes.keySet());
    }

    public boolean contains(String entryName) {
        return classes.contains(entryName);
    }

    /**
     * The jar the child loads: the submission itself when everything is in scope, else a copy in {@code dir}
     * without the classes out of scope (resources kept).
     */
    public Path narrowed(Path dir) throws IOException {
        if (classes.size() == all.size()) {
            return jar;
        }
        Path out = dir.resolve("submission.jar");
        try (ZipFile zip = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(out);
             ZipOutputStream to = new ZipOutputStream(file)) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (all.contains(e.getName()) && !classes.contains(e.getName())) {
                    continue;
                }
                to.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(to);
                }
                to.closeEntry();
            }
        }
        return out;
    }

    /** The day package an entry or internal name is in ({@code katas/day07/}), or null for shared code. */
    private static String dayPackage(String name) {
        Matcher m = DAY_PACKAGE.matcher(name);
        return m.find() ? m.group(1) : null;
    }

    /** The classes a class file names in its constant pool: what its code can create, call or load. */
    private static List<String> references(byte[] classFile) {
        var model = ClassFile.of().parse(classFile);
        return java.util.stream.StreamSupport.stream(model.constantPool().spliterator(), false)
                .filter(e -> e instanceof ClassEntry)
                .map(e -> ((ClassEntry) e).asInternalName())
                .map(n -> n.startsWith("[") ? n.replaceAll("^\\[+L?", "").replaceAll(";$", "") : n)
                .toList();
    }
}
