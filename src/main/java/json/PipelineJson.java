package json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The monolith's one JSON mapper: the HTTP API, the event store, the Kafka messages and the tools all
 * read and write JSON with the same rules. A mapper is thread-safe once built, and building one costs
 * milliseconds, so there is exactly one; code that needs a view of it (a pretty printer, a reader for
 * one type) derives an {@code ObjectWriter}/{@code ObjectReader} from it.
 */
public final class PipelineJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // instants travel as ISO-8601 text, readable in a topic or a stored event
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a sender that repeats a key or appends content meant something we would silently not do
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // error messages never echo the caller's input back
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // events and messages outlive code: a field added by a newer writer must not break a reader
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // the contracts keep every field present: an absent field and a null one must not differ
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
            .build();

    private PipelineJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
