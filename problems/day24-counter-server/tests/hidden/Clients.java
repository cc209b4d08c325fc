package katas.day24.hidden;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import katas.support.Tolerance;

/**
 * The test's HTTP clients (their threads are the test's, not the learner's):
 * POST /increment and GET /count on 127.0.0.1, each answer checked for
 * status 200 and a decimal body. Their timeouts stretch with the judge's
 * factor ({@link Tolerance}).
 */
final class Clients implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Tolerance.of(Duration.ofSeconds(3)))
            .build();
    private final int port;

    Clients(int port) {
        this.port = port;
    }

    long increment() throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(uri("/increment")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    long count() throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(uri("/count")).GET());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private long call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest r = request.timeout(Tolerance.of(Duration.ofSeconds(5))).build();
        HttpResponse<String> response = client.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(r.method() + " " + r.uri().getPath() + " answered " + response.statusCode()
                    + ", expected 200");
        }
        try {
            return Long.parseLong(response.body().trim());
        } catch (NumberFormatException e) {
            throw new AssertionError(r.method() + " " + r.uri().getPath() + " answered \"" + response.body()
                    + "\", expected a number");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
