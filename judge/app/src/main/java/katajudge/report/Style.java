package katajudge.report;

/**
 * Terminal colours, only on a terminal and never when NO_COLOR is set
 * (https://no-color.org).
 */
public record Style(boolean color) {

    public static Style detect() {
        boolean tty = System.console() != null && System.console().isTerminal();
        String noColor = System.getenv("NO_COLOR");
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        return new Style(tty && (noColor == null || noColor.isEmpty()) && !dumb);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    private String wrap(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
