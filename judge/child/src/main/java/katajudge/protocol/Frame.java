package katajudge.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a stack as the judge reports it ({@link ThreadSnapshot#stack()},
 * a test's or a refusal's stack): a frame's text, {@code pkg.Cls.method(File.java:12)},
 * marked with a leading {@value #MARK} when it runs the learner's own code, so
 * a reader finds their code at a glance. The result JSON keeps the lines as
 * strings; this record is the one place that writes and reads the mark.
 *
 * @param learner whether the frame runs learner code
 * @param text    the frame without the mark (or any other stack line: "caused by ...", "... 3 more")
 */
public record Frame(boolean learner, String text) {

    public static final String MARK = "> ";
    private static final Pattern LOCATION = Pattern.compile("([\\w.$]+)\\.[\\w$<>]+\\(([\\w$]+\\.java):(\\d+)\\)");

    /** Reads one stack line. */
    public static Frame parse(String line) {
        return line.startsWith(MARK) ? new Frame(true, line.substring(MARK.length())) : new Frame(false, line);
    }

    /** Whether a stack line is a learner frame. */
    public static boolean isLearner(String line) {
        return line.startsWith(MARK);
    }

    /** The stack line: the text, marked when it is the learner's. */
    public String line() {
        return learner ? MARK + text : text;
    }

    /** Where a frame's code is: its class and source line, when the text names a .java file and a line. */
    public record Location(String className, String file, int line) {}

    public Optional<Location> location() {
        Matcher m = LOCATION.matcher(text);
        return m.matches() ? Optional.of(new Location(m.group(1), m.group(2), Integer.parseInt(m.group(3))))
                : Optional.empty();
    }
}
