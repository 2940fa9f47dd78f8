package adapters.http;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import json.PipelineJson;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own refusals, before Javalin routes anything (a malformed request line or URI, a URI or
 * headers over the limit), in the API's error shape instead of Jetty's HTML page. Jetty's reason is
 * not passed on: it may quote the request. Everything that reaches Javalin is answered by
 * {@link ErrorResponses}, so only the parser's path needs replacing here.
 */
final class JettyErrors extends ErrorHandler {

    private static final String JSON_UTF8 = "application/json;charset=utf-8";

    JettyErrors() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /** Parser-level failures: no request object exists yet, only the status. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return ByteBuffer.allocate(0);
        }
        fields.put(HttpHeader.CONTENT_TYPE, JSON_UTF8);
        return ByteBuffer.wrap(body(status));
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "bad request: the request line, URI or headers are malformed";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            default -> status + " " + HttpStatus.getMessage(status);
        };
    }

    private static byte[] body(int status) {
        try {
            return PipelineJson.mapper().writeValueAsBytes(ErrorBody.of(messageFor(status)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an ErrorBody is always writable", e);
        }
    }
}
