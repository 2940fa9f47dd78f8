package adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import json.PipelineJson;

/**
 * Reads a request body into a JSON object, refusing (in this order) a wrong media type (415), a body
 * over the limit (413) and anything that is not one well-formed JSON object (400). Field rules live
 * with each request record. {@link PipelineJson#mapper()} makes duplicate keys and trailing content
 * errors: a client that sends them meant something the server would silently not do.
 */
final class JsonBodies {

    private final int maxBytes;

    JsonBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @throws IOException only when the body cannot be read (client gone): Javalin handles that quietly */
    ObjectNode readObject(Context ctx) throws IOException {
        requireJsonContentType(ctx.contentType());
        byte[] body = readAtMostLimit(ctx);
        if (body.length == 0) {
            throw HttpProblem.badRequest("body is required: a JSON object such as {\"count\": 100}");
        }
        JsonNode node;
        try {
            node = PipelineJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw HttpProblem.badRequest("body is not valid JSON: " + JsonSyntax.describe(e));
        }
        if (node == null || node.isMissingNode()) {
            throw HttpProblem.badRequest("body is required: a JSON object such as {\"count\": 100}");
        }
        if (!node.isObject()) {
            throw HttpProblem.badRequest("body must be a JSON object, was "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw HttpProblem.unsupportedMediaType("Content-Type must be application/json, was missing");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw HttpProblem.unsupportedMediaType("Content-Type must be application/json, was " + parts[0].trim());
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")
                    && parameter.length == 2
                    && !unquote(parameter[1].trim()).equalsIgnoreCase("utf-8")) {
                throw HttpProblem.unsupportedMediaType("JSON bodies must be UTF-8, charset was " + parameter[1].trim());
            }
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /**
     * Content-Length lets an honest oversized request fail without reading it; a chunked body has
     * none, so the read itself stops one byte past the limit.
     */
    private byte[] readAtMostLimit(Context ctx) throws IOException {
        if (ctx.contentLength() > maxBytes) {
            throw HttpProblem.payloadTooLarge(maxBytes);
        }
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            throw HttpProblem.payloadTooLarge(maxBytes);
        }
        return body;
    }
}
