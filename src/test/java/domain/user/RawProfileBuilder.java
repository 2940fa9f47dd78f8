package domain.user;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Test data: a real fixture user with one thing changed, so that each test shows only the quirk it
 * is about. Paths are dotted ("location.street.name"); missing objects on the way are created.
 */
final class RawProfileBuilder {

    private final Map<String, Object> fields;

    private RawProfileBuilder(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** The single user of the NL 1.4 fixture: every field present, a string postcode. */
    static RawProfileBuilder aV14User() {
        return from(RandomUserFixtures.first(RandomUserFixtures.V1_4_NL));
    }

    static RawProfileBuilder from(RawProfile profile) {
        return new RawProfileBuilder(deepCopy(profile.json()));
    }

    static RawProfileBuilder empty() {
        return new RawProfileBuilder(new LinkedHashMap<>());
    }

    RawProfileBuilder with(String path, Object value) {
        String[] keys = path.split("\\.");
        parentOf(keys).put(keys[keys.length - 1], value);
        return this;
    }

    RawProfileBuilder without(String path) {
        String[] keys = path.split("\\.");
        parentOf(keys).remove(keys[keys.length - 1]);
        return this;
    }

    /** What an {@code inc=} request returns: only the named top-level fields. */
    RawProfileBuilder only(String... topLevelKeys) {
        fields.keySet().retainAll(Set.of(topLevelKeys));
        return this;
    }

    RawProfile build() {
        try {
            return new RawProfile(RandomUserFixtures.JSON.writeValueAsString(fields), fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parentOf(String[] keys) {
        Map<String, Object> current = fields;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = current.get(keys[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(keys[i], next);
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(String json) {
        try {
            return RandomUserFixtures.JSON.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static List<Object> listOf(Object... items) {
        return Arrays.asList(items); // allows nulls, unlike List.of
    }
}
