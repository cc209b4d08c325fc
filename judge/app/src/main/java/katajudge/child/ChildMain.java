package katajudge.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import katajudge.protocol.ChildConfig;

/**
 * Entry point of the child JVM the judge forks for each judging. Its first
 * line of standard input is the channel secret; its only argument is the
 * path of the {@link ChildConfig}.
 */
public final class ChildMain {

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        String secret;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            secret = in.readLine();
        }
        ChildConfig config = new ObjectMapper().readValue(Path.of(args[0]).toFile(), ChildConfig.class);
        new ChildRun(config, new EventChannel(secret)).execute();
    }
}
