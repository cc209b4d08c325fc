package katajudge.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import katajudge.run.BadInputException;

/**
 * A class list, one learner a line: {@code name,repository[,ref[,module]]}
 * ({@code #} starts a comment). The repository is a git URL or a path
 * (relative to the roster's folder); the ref (default {@code HEAD}) is
 * resolved to a commit once, and that commit is what gets graded and
 * recorded; the module (default {@code .}) is the folder holding
 * {@code src/main/java}.
 */
public record Roster(List<Entry> entries) {

    public record Entry(String name, String repository, String ref, String module) {}

    /** {@code i/n}: the i-th of n slices of a roster, for a CI matrix (1-based). */
    public record Shard(int index, int count) {
        public static Shard parse(String text) throws BadInputException {
            String[] parts = text == null ? new String[0] : text.split("/");
            try {
                Shard s = new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                if (parts.length == 2 && s.count >= 1 && s.index >= 1 && s.index <= s.count) {
                    return s;
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // falls through to the one message below
            }
            throw new BadInputException("--shard '" + text + "': use i/n with 1 <= i <= n, like 2/4");
        }
    }

    public static Roster read(Path file) throws BadInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no roster at " + file);
        }
        Path base = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] cols = line.split("\\s*,\\s*", -1);
            if (cols.length < 2 || cols.length > 4 || cols[1].isEmpty()) {
                throw new BadInputException(where + "expected name,repository[,ref[,module]]");
            }
            String name = cols[0];
            if (!name.matches("[A-Za-z0-9._-]{1,64}") || name.equals("starter")) {
                throw new BadInputException(where + "learner name '" + name + "': letters, digits, '.', '_' or '-', "
                        + "and not 'starter'");
            }
            if (!names.add(name)) {
                throw new BadInputException(where + "learner '" + name + "' is listed twice");
            }
            String ref = cols.length > 2 && !cols[2].isEmpty() ? cols[2] : "HEAD";
            if (ref.startsWith("-")) {
                throw new BadInputException(where + "ref '" + ref + "' cannot start with '-'");
            }
            String module = cols.length > 3 && !cols[3].isEmpty() ? cols[3] : ".";
            Path m = Path.of(module).normalize();
            if (m.isAbsolute() || m.startsWith("..")) {
                throw new BadInputException(where + "module '" + module + "' must be a folder inside the repository");
            }
            String repo = cols[1];
            if (repo.startsWith("-")) {
                throw new BadInputException(where + "repository '" + repo + "' cannot start with '-'");
            }
            boolean url = repo.matches("[a-z+]+://.*") || repo.matches("[\\w.-]+@[\\w.-]+:.*");
            entries.add(new Entry(name, url ? repo : base.resolve(repo).normalize().toString(), ref,
                    m.toString().isEmpty() ? "." : m.toString()));
        }
        if (entries.isEmpty()) {
            throw new BadInputException(file + " lists no learner");
        }
        return new Roster(List.copyOf(entries));
    }

    /** The learners of one shard: every n-th in roster order, so shards stay even as the class grows. */
    public List<Entry> shard(Shard s) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i % s.count() == s.index() - 1) {
                out.add(entries.get(i));
            }
        }
        return out;
    }
}
