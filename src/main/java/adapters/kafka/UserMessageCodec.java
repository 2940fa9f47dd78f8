package adapters.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import domain.event.UserFetched;
import json.PipelineJson;

/**
 * {@link UserMessage} to and from JSON bytes, with the monolith's one mapper: it keeps every field
 * present (null included) and lets a reader skip fields a newer producer added (docs/contracts.md).
 * The writer and reader are resolved once, which keeps serialization on the hot path to a field walk.
 */
final class UserMessageCodec {

    private static final ObjectWriter WRITER = PipelineJson.mapper().writerFor(UserMessage.class);
    private static final ObjectReader READER = PipelineJson.mapper().readerFor(UserMessage.class);

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
