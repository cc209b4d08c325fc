package katajudge.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learner's own source lines behind every {@code pkg.Class.method(File.java:N)}
 * a report names, read from the module's {@code src/main/java}, so the page
 * shows the line itself and a little around it.
 */
public final class SourceLines {

    /** Lines shown before and after the named line. */
    static final int AROUND = 2;
    /** At most this many places, so a page stays small whatever the stacks hold. */
    static final int MAX_PLACES = 60;
    private static final Pattern FRAME = Pattern.compile("([\\w.$]+)\\.[\\w$<>]+\\(([\\w$]+\\.java):(\\d+)\\)");

    /** One named place: "File.java:N", the file's path in the module, and the lines around it. */
    public record Place(String key, String path, int line, int first, List<String> lines) {}

    private SourceLines() {}

    /** Every place that {@code texts} name and that exists under {@code sourceRoot}; none when it is null. */
    public static List<Place> of(Path sourceRoot, Collection<String> texts) {
        Map<String, Place> places = new LinkedHashMap<>();
        if (sourceRoot == null || !Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        Map<Path, List<String>> files = new LinkedHashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = FRAME.matcher(text);
            while (m.find() && places.size() < MAX_PLACES) {
                String cls = m.group(1);
                String pkg = cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')) : "";
                Path rel = Path.of(pkg.replace('.', '/')).resolve(m.group(2));
                int line = Integer.parseInt(m.group(3));
                String key = rel.toString().replace('\\', '/') + ":" + line;
                if (places.containsKey(key)) {
                    continue;
                }
                List<String> all = files.computeIfAbsent(rel, r -> read(sourceRoot.resolve(r)));
                if (line < 1 || line > all.size()) {
                    continue;
                }
                int first = Math.max(1, line - AROUND);
                int last = Math.min(all.size(), line + AROUND);
                places.put(key, new Place(key, "src/main/java/" + rel.toString().replace('\\', '/'), line, first,
                        new ArrayList<>(all.subList(first - 1, last))));
            }
        }
        return new ArrayList<>(places.values());
    }

    private static List<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
