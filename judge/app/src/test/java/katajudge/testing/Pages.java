package katajudge.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages opened in headless Chromium ({@link Chromium#require()}) the way a
 * person sees them: the DOM once the page's scripts ran, and screenshots.
 */
public final class Pages {

    private final Path browser;
    private final Path profiles;

    private Pages(Path browser, Path profiles) {
        this.browser = browser;
        this.profiles = profiles;
    }

    /** The browser, with its profiles under {@code scratch}; skips the test where there is none (installs in CI). */
    public static Pages open(Path scratch) {
        return new Pages(Chromium.require(), scratch);
    }

    /** The page's DOM once its scripts ran; {@code hash} (may be empty) is appended to its address. */
    public String dom(Path page, String hash, int width, int height) throws IOException, InterruptedException {
        return run("--dump-dom", "--window-size=" + width + "," + height, page.toUri() + hash);
    }

    public void screenshot(Path page, String hash, Path png, int width, int height)
            throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", page.toUri() + hash);
        if (!Files.isRegularFile(png) || Files.size(png) < 1000) {
            throw new AssertionError("no screenshot of " + page);
        }
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(profiles, "profile-")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the browser did not finish");
        }
        return out;
    }

    /** Every value of {@code attribute} on elements whose opening tag matches {@code tagPattern}, in order. */
    /** The text inside the first element whose opening tag matches (its markup removed); empty if none. */
    public static String text(String dom, String tagPattern) {
        Matcher m = Pattern.compile("<" + tagPattern + "[^>]*>(.*?)</", Pattern.DOTALL).matcher(dom);
        return m.find() ? m.group(1).replaceAll("<[^>]*>", "").replace("&gt;", ">").replace("&lt;", "<")
                .replace("&amp;", "&") : "";
    }

    public static List<String> attributes(String dom, String tagPattern, String attribute) {
        List<String> out = new ArrayList<>();
        Matcher tags = Pattern.compile("<" + tagPattern + "[^>]*>").matcher(dom);
        Pattern value = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"");
        while (tags.find()) {
            Matcher m = value.matcher(tags.group());
            if (m.find()) {
                out.add(m.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
                        .replace("&quot;", "\""));
            }
        }
        return out;
    }
}
