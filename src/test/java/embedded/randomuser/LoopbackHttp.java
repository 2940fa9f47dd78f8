package embedded.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP over loopback against a {@link RandomUserServer}, for the tests. */
final class LoopbackHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;

    LoopbackHttp(RandomUserServer server) {
        this.base = server.baseUri();
    }

    /** {@code relative} is resolved against the base URI: "?results=5" or "/_control/stats". */
    URI uri(String relative) {
        return base.resolve(relative);
    }

    HttpRequest request(String relative) {
        return HttpRequest.newBuilder(uri(relative))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    HttpResponse<String> get(String relative) {
        return send(request(relative));
    }

    HttpResponse<byte[]> getBytes(String relative) {
        try {
            return client.send(request(relative), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String method, String relative, String body) {
        return send(HttpRequest.newBuilder(uri(relative))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET, expecting 200 and JSON. */
    JsonNode json(String relative) {
        HttpResponse<String> response = get(relative);
        assertThat(response.statusCode())
                .as("status of %s: %s", relative, response.body())
                .isEqualTo(200);
        return parse(response.body());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded real RandomUser response from the test classpath (fixtures/randomuser/). */
    static JsonNode fixture(String name) {
        try (InputStream in = LoopbackHttp.class.getResourceAsStream("/fixtures/randomuser/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
