package adapters.http;

import static adapters.http.ApiFixture.anApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests Jetty refuses before Javalin routes them still get the API's JSON error shape. */
class JettyErrorsTest {

    private static final String LONG = "a".repeat(20_000);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a malformed URI | GET /api/runs/%zz HTTP/1.1 | | 400",
                "a URI over the header limit | GET /api/runs?x=" + "LONG HTTP/1.1 | | 414",
                "headers over the limit | GET /health HTTP/1.1 | X-Big: LONG | 431",
                "a malformed request line | GET /health HTTP/1.1 junk | | 400"
            })
    void given_a_request_jetty_refuses_when_answering_then_the_body_is_the_json_error_shape(
            String what, String requestLine, String header, int status) {
        anApi().test((server, client) -> {
            String raw = requestLine.replace("LONG", LONG) + "\r\nHost: localhost\r\n"
                    + (header == null ? "" : header.replace("LONG", LONG) + "\r\n")
                    + "Connection: close\r\n\r\n";

            String response = exchange(server.port(), raw);

            assertThat(response).startsWith("HTTP/1.1 " + status);
            assertThat(response.toLowerCase()).contains("content-type: application/json");
            assertThat(body(response)).startsWith("{\"error\":\"").doesNotContain("<", "Exception", "zz", "aaaa");
        });
    }

    static String exchange(int port, String raw) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : response.substring(end + 4);
    }
}
