package adapters.http;

import java.util.Map;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.UnsupportedMediaTypeResponse;

/**
 * The requests the API refuses, as Javalin's own {@link HttpResponseException}s: the message is what
 * the client reads, and the request field to fix (when the problem is about one) travels in the
 * details under {@link #FIELD}. {@link ErrorResponses} turns them into an {@link ErrorBody}.
 */
final class HttpProblem {

    /** The details key of the request field to fix. */
    static final String FIELD = "field";

    static final int MISDIRECTED_REQUEST = 421;

    private HttpProblem() {}

    static BadRequestResponse badRequest(String field, String message) {
        return new BadRequestResponse(message, Map.of(FIELD, field));
    }

    static BadRequestResponse badRequest(String message) {
        return new BadRequestResponse(message);
    }

    static UnauthorizedResponse unauthorized() {
        return new UnauthorizedResponse("missing or wrong bearer token");
    }

    /** 421 Misdirected Request: the request names a host this server does not answer for. */
    static HttpResponseException misdirected(String message) {
        return new HttpResponseException(MISDIRECTED_REQUEST, message);
    }

    static NotFoundResponse notFound(String message) {
        return new NotFoundResponse(message);
    }

    static ContentTooLargeResponse payloadTooLarge(int limit) {
        return new ContentTooLargeResponse("request body is larger than the limit of " + limit + " bytes");
    }

    static UnsupportedMediaTypeResponse unsupportedMediaType(String message) {
        return new UnsupportedMediaTypeResponse(message);
    }

    /** The request field to fix, or null when the problem is not about one field. */
    static String field(HttpResponseException problem) {
        return problem.getDetails().get(FIELD);
    }
}
