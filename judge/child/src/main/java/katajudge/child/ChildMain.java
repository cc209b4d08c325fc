package katajudge.child;

import java.nio.file.Files;
import java.nio.file.Path;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.ProtocolJson;

/**
 * Entry point of the child JVM the judge forks for each judging. Its first
 * line of standard input is the result channel's key (hex); its only argument
 * is the path of the {@link ChildConfig}.
 */
public final class ChildMain {

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        // JFR's start costs about half a second of CPU in a cold JVM: begun first, on a thread of its own, it
        // overlaps reading the configuration and loading the submission (the first test waits for it).
        Recorder.startInBackground(System.getProperty(Recorder.PROPERTY));
        // The key is the first line; byte by byte, so nothing after it is buffered away.
        StringBuilder line = new StringBuilder();
        for (int c; (c = System.in.read()) != -1 && c != '\n'; ) {
            line.append((char) c);
        }
        byte[] key = java.util.HexFormat.of().parseHex(line.toString());
        // Learner code that reads standard input finds it empty; the judge's go for the speedup runs comes later
        // on the real one.
        java.io.InputStream fromJudge = System.in;
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        ChildConfig config = ProtocolJson.read(Files.readString(Path.of(args[0])), ChildConfig.class);
        new ChildRun(config, new EventChannel(key), JudgeLine.listen(fromJudge)).execute();
    }
}
