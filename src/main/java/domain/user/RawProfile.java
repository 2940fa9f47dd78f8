package domain.user;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a RandomUser {@code results} array, as the source sent it: the JSON text (kept for
 * rejections and dead letters) and its parsed tree of {@code Map<String,Object>}, {@code List<Object>},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}. The domain maps it without any
 * JSON library.
 */
public record RawProfile(String json, Map<String, Object> fields) {

    public RawProfile {
        Objects.requireNonNull(json, "json");
        // RandomUser sends explicit nulls (id.value for some nationalities): keep them, hence no Map.copyOf
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }
}
