package adapters.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test data: a fetch-users request body; any field can be set to any JSON value, to build wrong ones too. */
final class FetchUsersBodyBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    static FetchUsersBodyBuilder aFetchUsersBody() {
        FetchUsersBodyBuilder builder = new FetchUsersBodyBuilder();
        builder.fields.put("count", 500);
        return builder;
    }

    FetchUsersBodyBuilder with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    FetchUsersBodyBuilder without(String field) {
        fields.remove(field);
        return this;
    }

    FetchUsersBodyBuilder withEverything() {
        return with("count", 500)
                .with("nationalities", List.of("GB", "FR"))
                .with("gender", "female")
                .with("seed", "demo-1");
    }

    String json() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
