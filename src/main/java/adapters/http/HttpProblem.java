package adapters.http;

/**
 * A request the API refuses, with the status and the message the client gets. Thrown by handlers and
 * turned into a response by {@link ErrorResponses}; it is control flow, so it carries no stack trace.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    private HttpProblem(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static HttpProblem badRequest(String field, String message) {
        return new HttpProblem(400, message, field);
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message, null);
    }

    static HttpProblem unauthorized() {
        return new HttpProblem(401, "missing or wrong bearer token", null);
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message, null);
    }

    static HttpProblem payloadTooLarge(int limit) {
        return new HttpProblem(413, "request body is larger than the limit of " + limit + " bytes", null);
    }

    static HttpProblem unsupportedMediaType(String message) {
        return new HttpProblem(415, message, null);
    }

    int status() {
        return status;
    }

    /** The request field to fix, or null when the problem is not about one field. */
    String field() {
        return field;
    }
}
