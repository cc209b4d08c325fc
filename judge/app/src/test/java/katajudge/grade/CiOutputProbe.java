package katajudge.grade;

import java.io.PrintStream;
import java.io.PrintWriter;

/** Lets tests drive the package-private CI output. */
public final class CiOutputProbe {
    private final CiOutput ci;
    private final PrintWriter out;

    public CiOutputProbe(PrintStream out, boolean github) {
        this.out = new PrintWriter(out, true);
        this.ci = new CiOutput(this.out, github);
    }

    public void fenced(String untrusted) {
        ci.beginUntrusted();
        out.println(untrusted);
        ci.endUntrusted();
        out.flush();
    }
}
