package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's module compiled in-process: relative paths, per-day builds and javac-style errors. No fork. */
class ModuleBuilderTest {

    /** Any jar does as the API's class path: these modules use only the JDK. */
    private static final Path API = Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar");

    @TempDir
    Path tmp;

    private Path module(String... pathAndSource) throws IOException {
        Path module = Files.createTempDirectory(Path.of("").toAbsolutePath().resolve("target"), "module-");
        for (int i = 0; i < pathAndSource.length; i += 2) {
            Path file = module.resolve("src/main/java").resolve(pathAndSource[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathAndSource[i + 1]);
        }
        return module;
    }

    private static Path relative(Path module) {
        return Path.of("").toAbsolutePath().relativize(module);
    }

    @Test
    void aRelativeModuleWithACompileErrorIsFailedWithFileLineSourceAndCaret() throws Exception {
        Path module = module("katas/day12/Pool.java", "package katas.day12;\npublic class Pool {\n    int x = \"no\";\n}\n");
        var outcome = ModuleBuilder.build(relative(module), API, "katas.day12.WorkerPool");
        var failed = assertInstanceOf(ModuleBuilder.Outcome.Failed.class, outcome);
        String error = failed.errors().getFirst();
        assertTrue(error.startsWith(relative(module).resolve("src/main/java/katas/day12/Pool.java") + ":3: "), error);
        assertTrue(error.contains("\n    int x = \"no\";\n            ^"), error);
    }

    @Test
    void anotherDaysCompileErrorIsAWarningAndTheDayIsBuilt() throws Exception {
        Path module = module(
                "katas/day01/Mine.java", "package katas.day01;\npublic class Mine { }\n",
                "katas/day12/Pool.java", "package katas.day12;\npublic class Pool { oops }\n");
        var outcome = ModuleBuilder.build(relative(module), API, "katas.day01.Goroutines");
        var built = assertInstanceOf(ModuleBuilder.Outcome.Built.class, outcome);
        assertEquals(1, built.warnings().size(), built.toString());
        assertTrue(built.warnings().getFirst().contains("katas/day12/Pool.java"), built.toString());
        try (JarFile jar = new JarFile(built.jar().toFile())) {
            assertTrue(jar.getEntry("katas/day01/Mine.class") != null);
        }
    }

    @Test
    void aHelperInAnotherPackageStillCountsWhenAThirdDayIsBroken() throws Exception {
        Path module = module(
                "katas/day01/Mine.java", "package katas.day01;\npublic class Mine { int n = katas.util.Help.N; }\n",
                "katas/util/Help.java", "package katas.util;\npublic class Help { public static final int N = 1; }\n",
                "katas/day12/Pool.java", "package katas.day12;\npublic class Pool { oops }\n");
        var built = assertInstanceOf(ModuleBuilder.Outcome.Built.class,
                ModuleBuilder.build(module, API, "katas.day01.Goroutines"));
        assertEquals(1, built.warnings().size(), built.toString());
    }

    @Test
    void aBrokenFileOutsideEveryDaysPackageFailsTheDay() throws Exception {
        Path module = module(
                "katas/day01/Mine.java", "package katas.day01;\npublic class Mine { }\n",
                "katas/util/Help.java", "package katas.util;\npublic class Help { oops }\n");
        assertInstanceOf(ModuleBuilder.Outcome.Failed.class, ModuleBuilder.build(module, API, "katas.day01.Goroutines"));
    }

    @Test
    void theWholeModuleMustCompileWhenNoDayIsGiven() throws Exception {
        Path module = module(
                "katas/day01/Mine.java", "package katas.day01;\npublic class Mine { }\n",
                "katas/day12/Pool.java", "package katas.day12;\npublic class Pool { oops }\n");
        assertInstanceOf(ModuleBuilder.Outcome.Failed.class, ModuleBuilder.build(module, API));
    }

    @Test
    void aModuleThatCompilesHasNoWarning() throws Exception {
        Path module = module("katas/day01/Mine.java", "package katas.day01;\npublic class Mine { }\n");
        var built = assertInstanceOf(ModuleBuilder.Outcome.Built.class,
                ModuleBuilder.build(relative(module), API, "katas.day01.Goroutines"));
        assertEquals(0, built.warnings().size());
    }
}
