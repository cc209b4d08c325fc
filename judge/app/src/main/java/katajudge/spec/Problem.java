package katajudge.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One kata: a folder under {@code problems/} that a person can read without
 * the tool ({@code README.md}, {@code spec.json}, {@code api/}, {@code tests/},
 * {@code solutions/<expected verdict>/}).
 */
public record Problem(Path dir, ProblemSpec spec, List<Solution> solutions) {

    public int day() {
        return spec.day();
    }

    /** The folder name, e.g. {@code day01-goroutines}. */
    public String slug() {
        return dir.getFileName().toString();
    }

    public String statement() throws IOException {
        return Files.readString(dir.resolve("README.md"));
    }
}
