package katas.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImplementationFinderTest {

    private static ClassInfo cls(String name, String superName, String... interfaces) {
        return new ClassInfo(name, superName, List.of(interfaces), 69, false, false);
    }

    @Test
    void findsTheOneDirectImplementation() {
        var outcome = ImplementationFinder.find(List.of(cls("a.Mine", "java.lang.Object", "katas.Api"),
                cls("a.Helper", "java.lang.Object")), "katas.Api");
        assertEquals(new ImplementationFinder.Outcome.Found("a.Mine"), outcome);
    }

    @Test
    void findsAnImplementationThroughAnAbstractSuperclass() {
        var base = new ClassInfo("a.Base", "java.lang.Object", List.of("katas.Api"), 69, true, false);
        var outcome = ImplementationFinder.find(List.of(base, cls("a.Concrete", "a.Base")), "katas.Api");
        assertEquals(new ImplementationFinder.Outcome.Found("a.Concrete"), outcome);
    }

    @Test
    void reportsNoneAndSeveral() {
        assertInstanceOf(ImplementationFinder.Outcome.None.class,
                ImplementationFinder.find(List.of(cls("a.X", "java.lang.Object")), "katas.Api"));
        var several = ImplementationFinder.find(List.of(cls("a.X", "java.lang.Object", "katas.Api"),
                cls("a.Y", "java.lang.Object", "katas.Api")), "katas.Api");
        assertEquals(List.of("a.X", "a.Y"), ((ImplementationFinder.Outcome.Several) several).classNames());
    }

    @Test
    void aClassForANewerJdkIsNamed() {
        var newer = new ClassInfo("a.New", null, List.of(), ImplementationFinder.SUPPORTED_MAJOR + 1, false, false);
        var outcome = ImplementationFinder.find(List.of(newer), "katas.Api");
        assertEquals(Runtime.version().feature() + 1, ((ImplementationFinder.Outcome.TooNew) outcome).javaRelease());
    }

    @Test
    void readsRealClassFilesFromAFolder() throws Exception {
        Path dir = Path.of(ImplementationFinderTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var outcome = ImplementationFinder.find(ImplementationFinder.scan(dir), Sample.Api.class.getName());
        assertEquals(new ImplementationFinder.Outcome.Found(Sample.Impl.class.getName()), outcome);
    }

    @Test
    void aFileThatIsNotAJarIsAClearError() throws Exception {
        Path junk = Files.createTempFile("junk", ".jar");
        Files.write(junk, new byte[] {0, 1, 2});
        var e = assertThrows(java.io.IOException.class, () -> ImplementationFinder.scan(junk));
        assertEquals(true, e.getMessage().contains("not a readable jar"), e.getMessage());
    }

    static final class Sample {
        interface Api {
        }

        static final class Impl implements Api {
        }
    }
}
