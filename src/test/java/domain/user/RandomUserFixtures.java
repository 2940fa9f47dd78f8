package domain.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The recorded RandomUser responses in src/test/resources/fixtures/randomuser, turned into
 * RawProfiles the way the HTTP adapter does: each {@code results} element as its own JSON text plus
 * Jackson's untyped tree of it.
 */
final class RandomUserFixtures {

    static final String V1_0_LEGACY = "v1.0-nonat-6users-LEGACY.json";
    static final String V1_2_LEGACY = "v1.2-mixed6nat-6users-LEGACY.json";
    static final String V1_3_BR = "v1.3-BR-1user.json";
    static final String V1_3_GB = "v1.3-GB-1user.json";
    static final String V1_3_MIXED_50 = "v1.3-mixed16nat-50users-a.json";
    static final String V1_4_NL = "v1.4-NL-1user.json";
    static final String V1_4_MIXED_111 = "v1.4-mixed21nat-111users.json";

    static final ObjectMapper JSON = new ObjectMapper();

    private RandomUserFixtures() {}

    static List<RawProfile> load(String file) {
        String resource = "/fixtures/randomuser/" + file;
        try (InputStream in = RandomUserFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            List<RawProfile> profiles = new ArrayList<>();
            for (JsonNode result : JSON.readTree(in).get("results")) {
                profiles.add(rawProfile(JSON.writeValueAsString(result)));
            }
            return profiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawProfile first(String file) {
        return load(file).get(0);
    }

    @SuppressWarnings("unchecked")
    static RawProfile rawProfile(String json) {
        try {
            return new RawProfile(json, JSON.readValue(json, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
