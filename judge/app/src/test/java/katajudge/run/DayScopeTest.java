package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import katajudge.spec.ProblemSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's module is one jar with every day's code: a day is judged (forbidden APIs, class loading) on its
 * own code, shared code and what they use, not on the other days'. Real class files, compiled here; no fork.
 */
class DayScopeTest {

    private static final ProblemSpec.Forbidden NO_SLEEP = new ProblemSpec.Forbidden(
            List.of("java.lang.Thread#sleep"), null, false, "day 22 rebuilds sleep");
    private static final String DAY22 = "katas.day22.OwnSleep";

    @TempDir
    Path dir;

    @Test
    void anotherDaysSleepIsNeitherScannedNorLoadable() throws Exception {
        Path jar = jar(Map.of(
                "katas/day01/Earlier.java", "package katas.day01; public class Earlier { "
                        + "public void run() throws Exception { Thread.sleep(10); } }",
                "katas/day22/OwnSleep.java", "package katas.day22; public class OwnSleep { "
                        + "public void nap() { java.util.concurrent.locks.LockSupport.parkNanos(1000); } }"));
        DayScope scope = DayScope.of(jar, DAY22);
        assertEquals(List.of(), ForbiddenApiScan.scan(scope, NO_SLEEP), "day 1's sleep is not day 22's");
        assertFalse(ForbiddenApiScan.scan(jar, NO_SLEEP).isEmpty(), "the whole jar does sleep: the scan sees it");
        Path narrowed = scope.narrowed(dir);
        assertEquals(List.of("katas/day22/OwnSleep.class"), classesIn(narrowed), "day 1 cannot be loaded by name");
    }

    @Test
    void anotherDaysClassThatTheDayUsesIsInScope() throws Exception {
        Path jar = jar(Map.of(
                "katas/day21/Helper.java", "package katas.day21; public class Helper { "
                        + "public static void nap() throws Exception { Thread.sleep(10); } }",
                "katas/day21/Unused.java", "package katas.day21; public class Unused { }",
                "katas/day22/OwnSleep.java", "package katas.day22; public class OwnSleep { "
                        + "public void nap() throws Exception { katas.day21.Helper.nap(); } }"));
        DayScope scope = DayScope.of(jar, DAY22);
        List<ForbiddenApiScan.Use> uses = ForbiddenApiScan.scan(scope, NO_SLEEP);
        assertEquals(1, uses.size(), uses::toString);
        assertEquals("katas.day21.Helper", uses.getFirst().className());
        assertEquals(List.of("katas/day21/Helper.class", "katas/day22/OwnSleep.class"), classesIn(scope.narrowed(dir)));
    }

    @Test
    void sharedCodeIsAlwaysInScope() throws Exception {
        Path jar = jar(Map.of(
                "katas/common/Naps.java", "package katas.common; public class Naps { "
                        + "public static void nap() throws Exception { Thread.sleep(10); } }",
                "katas/day22/OwnSleep.java", "package katas.day22; public class OwnSleep { }"));
        DayScope scope = DayScope.of(jar, DAY22);
        assertEquals(1, ForbiddenApiScan.scan(scope, NO_SLEEP).size());
        assertEquals(jar, scope.narrowed(dir), "nothing left out: the submission itself");
    }

    @Test
    void withoutADayEverythingIsInScope() throws Exception {
        Path jar = jar(Map.of(
                "katas/day01/Earlier.java", "package katas.day01; public class Earlier { }",
                "katas/day22/OwnSleep.java", "package katas.day22; public class OwnSleep { }"));
        DayScope scope = DayScope.of(jar, null);
        assertTrue(scope.contains("katas/day01/Earlier.class") && scope.contains("katas/day22/OwnSleep.class"));
    }

    private Path jar(Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        List<String> args;
        try (Stream<Path> files = Files.walk(src)) {
            args = Stream.concat(Stream.of("-d", classes.toString()),
                    files.filter(p -> p.toString().endsWith(".java")).map(Path::toString)).toList();
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        Path jar = dir.resolve("module.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream to = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                to.putNextEntry(new ZipEntry(classes.relativize(p).toString()));
                to.write(Files.readAllBytes(p));
                to.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> classesIn(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class")).sorted().toList();
        }
    }
}
