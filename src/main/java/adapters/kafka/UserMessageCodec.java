package adapters.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import domain.event.UserFetched;

/**
 * {@link UserMessage} to and from JSON bytes. The mapper is built once: building one costs
 * milliseconds, and the pre-resolved writer keeps serialization on the hot path to a field walk.
 */
final class UserMessageCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // the contract keeps every field present: an absent field and a null one must not differ
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // a newer producer may add fields (schema evolution rules in docs/contracts.md)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writerFor(UserMessage.class);
    private static final ObjectReader READER = MAPPER.readerFor(UserMessage.class);

    byte[] toJson(UserFetched event) {
        return toJson(UserMessage.from(event));
    }

    byte[] toJson(UserMessage message) {
        try {
            return WRITER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            // only strings and an int: reaching this is a bug in the mapping, not bad data
            throw new IllegalStateException("cannot serialize user " + message.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    UserMessage fromJson(byte[] json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a users_created message: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("not a users_created message: " + e.getMessage(), e);
        }
    }
}
