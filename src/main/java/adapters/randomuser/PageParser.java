package adapters.randomuser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import application.port.out.PageQuery;
import application.port.out.UserPage;
import application.port.out.UserSourceException.MalformedPage;
import application.port.out.UserSourceException.RejectedRequest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import domain.user.RawProfile;

/**
 * Turns a RandomUser response body into a page in one streaming pass: each {@code results} element
 * is read token by token into its {@code Map} tree while the same tokens are written out as compact
 * JSON. A tree followed by {@code writeValueAsString} and {@code convertValue} walks every profile
 * three times; this is on the hot path for 5000-user pages.
 *
 * <p>The maps are what {@code ObjectMapper.readValue(json, Map.class)} gives (LinkedHashMap, ArrayList,
 * Integer/Long/BigInteger, Double, explicit nulls kept). Numbers keep their exact source text in the
 * JSON. Thread-safe: all state is per call.
 */
final class PageParser {

    /** The source's error text goes into a run's status: a sentence is plenty. */
    static final int MAX_ERROR_CHARS = 300;

    private final JsonFactory factory = JsonFactory.builder().build();

    UserPage parse(PageQuery query, byte[] body) {
        if (body.length == 0) {
            throw new MalformedPage(query.page(), "empty body (0 bytes)", null);
        }
        try (JsonParser parser = factory.createParser(body)) {
            return readPage(query, body, parser);
        } catch (JsonEOFException e) {
            throw malformed(query, body, "truncated JSON: the body ends inside a value", e);
        } catch (StreamReadException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw malformed(
                    query,
                    body,
                    "invalid JSON" + (at >= 0 ? " at byte " + at : "") + " (" + firstClause(e.getOriginalMessage())
                            + ")",
                    e);
        } catch (IOException e) {
            // the body is in memory: only Jackson's own limits (nesting, lengths) end up here
            throw malformed(query, body, "unreadable JSON (" + firstClause(e.getMessage()) + ")", e);
        }
    }

    /** The {@code error} text of a small JSON error body such as {@code {"error":"..."}}, if it is one. */
    Optional<String> sourceError(byte[] body) {
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("error") && parser.currentToken() != JsonToken.VALUE_NULL) {
                    return Optional.of(BodySnippet.clean(textOf(parser), MAX_ERROR_CHARS));
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private UserPage readPage(PageQuery query, byte[] body, JsonParser parser) throws IOException {
        JsonToken root = parser.nextToken();
        if (root != JsonToken.START_OBJECT) {
            throw malformed(query, body, "the body is " + describe(root) + ", not a JSON object", null);
        }
        List<RawProfile> profiles = null;
        String version = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "error":
                    if (value != JsonToken.VALUE_NULL) {
                        // RandomUser reports refusals in the body, sometimes with HTTP 200
                        throw new RejectedRequest(query.page(), BodySnippet.clean(textOf(parser), MAX_ERROR_CHARS));
                    }
                    break;
                case "results":
                    if (value != JsonToken.START_ARRAY) {
                        throw malformed(query, body, "\"results\" is " + describe(value) + ", not an array", null);
                    }
                    profiles = readProfiles(query, body, parser);
                    break;
                case "info":
                    version = readVersion(parser);
                    break;
                default:
                    parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw malformed(query, body, "content after the JSON object", null);
        }
        if (profiles == null) {
            throw malformed(query, body, "no \"results\" array", null);
        }
        return new UserPage(query, profiles, version);
    }

    private List<RawProfile> readProfiles(PageQuery query, byte[] body, JsonParser parser) throws IOException {
        List<RawProfile> profiles = new ArrayList<>(query.results());
        ReusableStringWriter text = new ReusableStringWriter(4096);
        try (JsonGenerator generator = factory.createGenerator(text)) {
            generator.setRootValueSeparator(null);
            JsonToken element;
            while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (profiles.size() == query.results()) {
                    // more than asked for: skipped without building them (the body's byte cap bounds the skip)
                    parser.skipChildren();
                    continue;
                }
                if (element != JsonToken.START_OBJECT) {
                    throw malformed(
                            query,
                            body,
                            "results[" + profiles.size() + "] is " + describe(element) + ", not an object",
                            null);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) copyValue(parser, generator);
                generator.flush();
                profiles.add(new RawProfile(text.takeContent(), fields));
            }
        }
        return profiles;
    }

    /** Reads the value at the parser's current token into Java objects, writing it to the generator. */
    private static Object copyValue(JsonParser parser, JsonGenerator generator) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT: {
                generator.writeStartObject();
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    generator.writeFieldName(name);
                    parser.nextToken();
                    object.put(name, copyValue(parser, generator));
                }
                generator.writeEndObject();
                return object;
            }
            case START_ARRAY: {
                generator.writeStartArray();
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(copyValue(parser, generator));
                }
                generator.writeEndArray();
                return array;
            }
            case VALUE_STRING: {
                String value = parser.getText();
                generator.writeString(value);
                return value;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                // the source text, not a re-rendered double: the JSON is kept for dead letters
                generator.writeRawValue(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                        ? parser.getNumberValue()
                        : (Object) parser.getDoubleValue();
            }
            case VALUE_TRUE:
                generator.writeBoolean(true);
                return Boolean.TRUE;
            case VALUE_FALSE:
                generator.writeBoolean(false);
                return Boolean.FALSE;
            case VALUE_NULL:
                generator.writeNull();
                return null;
            default:
                throw new IllegalStateException("unexpected token " + parser.currentToken());
        }
    }

    private static String readVersion(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return "";
        }
        String version = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("version") && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                version = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return version;
    }

    /** A value's text: a string as is, anything else as compact JSON. */
    private String textOf(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        ReusableStringWriter text = new ReusableStringWriter(64);
        try (JsonGenerator generator = factory.createGenerator(text)) {
            copyValue(parser, generator);
        }
        return text.takeContent();
    }

    private static MalformedPage malformed(PageQuery query, byte[] body, String problem, Throwable cause) {
        return new MalformedPage(
                query.page(), problem + "; " + body.length + " bytes, starting " + BodySnippet.of(body), cause);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "empty";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** Jackson's message without its long explanation, e.g. "Unexpected character ('<' (code 60))". */
    private static String firstClause(String message) {
        if (message == null) {
            return "no detail";
        }
        int colon = message.indexOf(": ");
        return BodySnippet.clean(colon > 0 ? message.substring(0, colon) : message, 100);
    }
}
