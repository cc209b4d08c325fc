package katajudge.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --who NAME} option, shared by every command that takes a
 * learner, and validated the same way everywhere: a learner's name is a
 * folder name under {@code submissions/} and a file name in results, so it
 * holds only letters, digits, '.', '_' and '-'.
 */
final class Learner {

    static final String PATTERN = "[A-Za-z0-9._-]{1,64}";

    @Option(names = "--who", paramLabel = "NAME", converter = Name.class,
            description = "The learner, a folder under submissions/ (default: the module's folder name, else starter).")
    String who;

    /** The name given, else {@code fallback}. */
    String or(String fallback) {
        return who != null ? who : fallback;
    }

    /** Refuses names that could not be a folder under submissions/ (or that climb out of it). */
    static final class Name implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches(PATTERN) || value.equals(".") || value.equals("..")) {
                throw new TypeConversionException("'" + value
                        + "' is not a learner name: use 1-64 letters, digits, '.', '_' or '-'");
            }
            return value;
        }
    }
}
