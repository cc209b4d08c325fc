package katajudge.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the browser tests, and only for them: the first
 * browser test of a run asks for it, and in CI (the {@code CI} variable set)
 * a missing browser is installed then by {@code judge/bin/ensure-chromium}
 * (Debian's package; root needed), so {@code make test} installs nothing
 * before it is needed. Elsewhere a missing browser skips the test.
 */
public final class Chromium {

    private static final List<Path> KNOWN = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static Path found;

    private Chromium() {}

    /** The browser's path; installs it in CI, skips the calling test elsewhere when there is none. */
    public static synchronized Path require() {
        if (found == null) {
            found = KNOWN.stream().filter(Files::isExecutable).findFirst().orElse(null);
        }
        if (found == null && System.getenv("CI") != null) {
            found = install();
        }
        if (found == null) {
            Assumptions.abort("no Chromium here: run judge/bin/ensure-chromium");
        }
        return found;
    }

    private static Path install() {
        Path script = Path.of(System.getProperty("katas.root", "."), "judge/bin/ensure-chromium");
        try {
            Process p = new ProcessBuilder(script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || !Files.isExecutable(Path.of(out))) {
                throw new AssertionError("no Chromium in CI and " + script + " could not install it (exit "
                        + p.exitValue() + ")");
            }
            return Path.of(out);
        } catch (IOException e) {
            throw new AssertionError("no Chromium in CI and " + script + " did not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while installing Chromium", e);
        }
    }
}
