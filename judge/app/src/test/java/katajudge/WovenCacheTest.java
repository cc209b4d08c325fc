package katajudge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import katajudge.agent.WovenCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent trusts a cached woven class only when it matches the digest it was saved with. */
class WovenCacheTest {

    private static final List<String> TYPES = List.of("java.lang.Runtime", "java.lang.Thread");
    private static final Map<String, byte[]> WOVEN = Map.of("java.lang.Runtime", new byte[] {1, 2, 3},
            "java.lang.Thread", new byte[] {4, 5, 6});

    @Test
    void whatWasSavedIsReadBack(@TempDir Path dir) {
        WovenCache.write(dir, TYPES, WOVEN);
        assertArrayEquals(WOVEN.get("java.lang.Thread"), WovenCache.read(dir, TYPES).get("java.lang.Thread"));
    }

    @Test
    void anAlteredClassFileIsNotTrusted(@TempDir Path dir) throws Exception {
        WovenCache.write(dir, TYPES, WOVEN);
        // The poisoning seen in the wild: the unwoven JDK class written over the woven one.
        Files.write(dir.resolve("java.lang.Runtime.class"), new byte[] {9, 9, 9});
        assertNull(WovenCache.read(dir, TYPES));
    }

    @Test
    void aCacheWithoutDigestsOrWithAMissingClassIsNotTrusted(@TempDir Path dir) throws Exception {
        WovenCache.write(dir, TYPES, WOVEN);
        Files.delete(dir.resolve("java.lang.Thread.class"));
        assertNull(WovenCache.read(dir, TYPES));
        WovenCache.write(dir, TYPES, WOVEN);
        Files.delete(dir.resolve("woven.sha256"));
        assertNull(WovenCache.read(dir, TYPES));
    }
}
