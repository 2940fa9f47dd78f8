package embedded.randomuser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** How the loopback server answers: every response is JSON-typed, CORS-open, sent whole, then closed. */
final class HttpResponses {

    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final int MAX_CONTROL_BODY = 64 * 1024;

    private HttpResponses() {}

    /** {@code {"error":message}}, the body of every error the server sends. */
    static byte[] errorBody(String message) {
        return ("{\"error\":" + JsonStrings.quoteToString(message) + "}").getBytes(StandardCharsets.UTF_8);
    }

    static void sendError(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, JSON_TYPE, errorBody(message), -1);
    }

    static void notAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        sendError(ex, 405, "Method not allowed: " + ex.getRequestMethod());
    }

    static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        send(ex, status, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8), -1);
    }

    /** Sends {@code body[0..length)} (whole array when length < 0) with a fixed Content-Length, then closes. */
    static void send(HttpExchange ex, int status, String contentType, byte[] body, int length) throws IOException {
        int n = length < 0 ? body.length : length;
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        ex.sendResponseHeaders(status, n == 0 ? -1 : n);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body, 0, n);
        } finally {
            ex.close();
        }
    }

    /** The request body as UTF-8 text, at most 64 KiB of it (control requests are short). */
    static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_CONTROL_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The reason phrase of a status, used as the error message of a status fault. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
