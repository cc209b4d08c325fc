package katajudge.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code problems/} folder: finds a day's folder and reads it, checking
 * every required piece so a broken kata is named precisely.
 */
public final class ProblemSet {

    private static final Pattern DAY_FOLDER = Pattern.compile("day(\\d{2})-[a-z0-9-]+");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final List<String> REQUIRED = List.of("README.md", "spec.json", "api", "tests/hidden",
            "tests/public", "solutions/accepted");
    /** A judge bundle ships hidden tests compiled only, and no kept solutions (katajudge.bundle.Provenance). */
    private static final List<String> REQUIRED_IN_BUNDLE = List.of("README.md", "spec.json", "api", "tests/public");

    private final Path root;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public ProblemSet(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The folders that look like days, in day order, read or not. */
    public List<Path> dayFolders() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isDirectory)
                    .filter(p -> DAY_FOLDER.matcher(p.getFileName().toString()).matches())
                    .sorted().collect(Collectors.toList());
        }
    }

    public Optional<Path> folderOf(int day) throws IOException {
        String prefix = String.format("day%02d-", day);
        return dayFolders().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
    }

    /** Reads one day; a missing or broken piece is a {@link SpecException} naming it. */
    public Problem load(int day) throws SpecException, IOException {
        Optional<Path> dir = folderOf(day);
        if (dir.isEmpty()) {
            throw new SpecException("there is no day " + day + " under " + root + " (days present: "
                    + daysPresent() + ")");
        }
        return read(dir.get());
    }

    public Problem read(Path dir) throws SpecException, IOException {
        List<String> required = Files.isRegularFile(root.resolve(katajudge.bundle.Provenance.MANIFEST)) ? REQUIRED_IN_BUNDLE : REQUIRED;
        for (String piece : required) {
            if (!Files.exists(dir.resolve(piece))) {
                throw new SpecException(dir.resolve(piece) + ": missing (a kata folder needs " + required + ")");
            }
        }
        Path specFile = dir.resolve("spec.json");
        ProblemSpec spec;
        try {
            spec = json.treeToValue(withDefaults(json.readTree(specFile.toFile())), ProblemSpec.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new SpecException(specFile + ": " + (field.isEmpty() ? "" : "field '" + field + "': ")
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            throw new SpecException(specFile + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        }
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new SpecException(specFile + ": " + String.join("; ", problems));
        }
        String expectedPrefix = String.format("day%02d-", spec.day());
        if (!dir.getFileName().toString().startsWith(expectedPrefix)) {
            throw new SpecException(specFile + ": field 'day' is " + spec.day() + " but the folder is "
                    + dir.getFileName());
        }
        return new Problem(dir, spec, solutions(dir));
    }

    /**
     * The judge's spec defaults ({@code katajudge/spec/spec-defaults.json}, documented in problems/README.md)
     * under a day's spec.json: each field the spec leaves out of {@code limits} and {@code hygiene} takes
     * the default, and so does each of {@code speedup} when the spec has a speedup section at all.
     */
    private JsonNode withDefaults(JsonNode spec) throws IOException {
        if (!(spec instanceof ObjectNode root)) {
            return spec; // not an object: the mapping names the problem
        }
        JsonNode defaults;
        try (var in = ProblemSet.class.getResourceAsStream("spec-defaults.json")) {
            defaults = json.readTree(in);
        }
        for (var section : defaults.properties()) {
            JsonNode own = root.get(section.getKey());
            boolean optional = section.getKey().equals("speedup");
            if (own == null && !optional) {
                root.set(section.getKey(), section.getValue().deepCopy());
            } else if (own instanceof ObjectNode fields) {
                section.getValue().properties().forEach(f -> {
                    if (!fields.has(f.getKey())) {
                        fields.set(f.getKey(), f.getValue().deepCopy());
                    }
                });
            }
        }
        return root;
    }

    private static List<Solution> solutions(Path dir) throws IOException, SpecException {
        List<Solution> out = new ArrayList<>();
        if (!Files.isDirectory(dir.resolve("solutions"))) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir.resolve("solutions"), 2)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher m = PACKAGE.matcher(source);
                if (!m.find()) {
                    throw new SpecException(file + ": no package line");
                }
                String simple = file.getFileName().toString().replaceAll("\\.java$", "");
                out.add(new Solution(file, m.group(1) + "." + simple, file.getParent().getFileName().toString()));
            }
        }
        return out;
    }

    private String daysPresent() throws IOException {
        List<String> days = new ArrayList<>();
        for (Path p : dayFolders()) {
            days.add(p.getFileName().toString().substring(3, 5).replaceFirst("^0", ""));
        }
        return days.isEmpty() ? "none" : String.join(", ", days);
    }
}
