package katajudge.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A learner's results folder: {@code dayNN.json} (the latest judging of each
 * day) and {@code history.jsonl} (every attempt, one line each). Files are
 * replaced atomically, so a crash never leaves half a result.
 */
public final class ResultStore {

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public ResultStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path fileFor(int day) {
        return dir.resolve(String.format("day%02d.json", day));
    }

    /** Writes the result to its day file (or {@code explicit}) and appends the attempt to the history. */
    public Path save(Result result, Path explicit) throws IOException {
        Path target = explicit != null ? explicit : fileFor(result.day());
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".result-", ".json");
        katajudge.run.CleanupOnExit.track(tmp); // stopped before the move: no stray half-written file
        // Never signed: a learner's practice results prove nothing; only 'judge classroom' signs grades.
        ObjectNode tree = JSON.valueToTree(result);
        JSON.writeValue(tmp.toFile(), tree);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        katajudge.run.CleanupOnExit.forget(tmp);
        Files.createDirectories(dir);
        ObjectNode line = JSON.createObjectNode()
                .put("who", result.who()).put("judgedAt", result.judgedAt()).put("day", result.day())
                .put("verdict", result.verdict().name()).put("score", result.score().total());
        Files.writeString(dir.resolve("history.jsonl"), line.toString() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return target;
    }

    /** The latest result of a day, if one was saved and can be read. */
    public Optional<Result> latest(int day) {
        Path file = fileFor(day);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(file.toFile());
            tree.remove(Signer.FIELD);
            return Optional.of(JSON.treeToValue(tree, Result.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Best score per day from the history, for {@code judge list}. */
    public List<String> historyLines() throws IOException {
        Path file = dir.resolve("history.jsonl");
        return Files.isRegularFile(file) ? Files.readAllLines(file) : new ArrayList<>();
    }
}
