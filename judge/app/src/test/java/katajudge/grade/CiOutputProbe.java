package katajudge.grade;

import java.io.PrintStream;

/** Lets tests drive the package-private CI output. */
public final class CiOutputProbe {
    private final CiOutput ci;
    private final PrintStream out;

    public CiOutputProbe(PrintStream out, boolean github) {
        this.ci = new CiOutput(out, github);
        this.out = out;
    }

    public void fenced(String untrusted) {
        ci.beginUntrusted();
        out.println(untrusted);
        ci.endUntrusted();
    }
}
