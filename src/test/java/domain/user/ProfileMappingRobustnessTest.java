package domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One user's mapping error must never crash its page: no input shape makes the mapping throw. Without
 * an identity the profile is rejected with a reason; with one, it is kept whatever else it holds.
 */
class ProfileMappingRobustnessTest {

    private static final String UUID = "680e3b35-d5dc-487f-a492-d0c36b6697a9";

    static Stream<Arguments> garbageShapes() {
        Map<String, Object> nullsEverywhere = new HashMap<>();
        for (String key : List.of(
                "gender",
                "name",
                "location",
                "email",
                "login",
                "dob",
                "registered",
                "phone",
                "cell",
                "id",
                "picture",
                "nat")) {
            nullsEverywhere.put(key, null);
        }
        Map<String, Object> nestedNulls = new HashMap<>();
        nestedNulls.put("login", nullValues("uuid", "username"));
        nestedNulls.put("name", nullValues("first", "last"));
        nestedNulls.put("location", nullValues("street", "city", "postcode"));
        nestedNulls.put("dob", nullValues("date"));
        return Stream.of(
                Arguments.of("an empty object", Map.of()),
                Arguments.of("nulls everywhere", nullsEverywhere),
                Arguments.of("nulls inside every object", nestedNulls),
                Arguments.of(
                        "numbers where objects are expected",
                        Map.of("login", 1, "name", 2.5, "location", 3L, "dob", -4, "picture", 5)),
                Arguments.of(
                        "lists where objects are expected",
                        Map.of("login", List.of(UUID), "name", List.of(), "location", List.of(List.of()))),
                Arguments.of("a list as the uuid", Map.of("login", Map.of("uuid", List.of(UUID)))),
                Arguments.of("an object as the uuid", Map.of("login", Map.of("uuid", Map.of("value", UUID)))));
    }

    static Stream<Arguments> garbageShapesWithAnIdentity() {
        return Stream.of(
                Arguments.of(
                        "a valid uuid and garbage elsewhere",
                        Map.of(
                                "login", Map.of("uuid", UUID, "username", List.of()),
                                "name", "nobody",
                                "location", Map.of("street", List.of(1), "postcode", Map.of(), "city", true),
                                "dob", Map.of("date", Map.of()),
                                "registered", Double.NaN,
                                "email", 12,
                                "picture", Map.of("medium", Map.of()))),
                Arguments.of(
                        "numbers that fit no date or postcode",
                        Map.of(
                                "login",
                                Map.of("uuid", UUID),
                                "location",
                                Map.of("postcode", Double.POSITIVE_INFINITY, "street", Map.of("number", 1e300)),
                                "dob",
                                Long.MAX_VALUE,
                                "registered",
                                new java.math.BigDecimal("1E+999999999"))),
                Arguments.of(
                        "a non-JSON object in the tree", Map.of("login", Map.of("uuid", UUID), "name", new Object())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbageShapes")
    void given_a_garbage_shape_without_an_identity_when_mapped_then_it_is_rejected_with_a_reason_not_an_exception(
            String shape, Map<String, Object> fields) {
        RawProfile raw = new RawProfile("{}", fields);

        MappingResult result = ProfileMapping.map(raw);

        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        assertThat(((MappingResult.Rejected) result).reason()).isNotBlank().doesNotContain("could not be mapped");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbageShapesWithAnIdentity")
    void given_a_garbage_shape_with_an_identity_when_mapped_then_the_user_is_kept_with_its_problems_not_an_exception(
            String shape, Map<String, Object> fields) {
        RawProfile raw = new RawProfile("{}", fields);

        MappingResult result = ProfileMapping.map(raw);

        assertThat(result).isInstanceOf(MappingResult.Accepted.class);
        User user = ((MappingResult.Accepted) result).user();
        assertThat(user.id()).isEqualTo(UserId.of(UUID));
        assertThat(user.fieldProblems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.text())
                        .hasSizeLessThanOrEqualTo(ProfileLimits.MAX_FIELD_PROBLEM_LENGTH)
                        .doesNotContain("could not be mapped"));
        assertThat(user.hasNulledFields()).isTrue();
    }

    @Test
    void given_every_field_of_a_real_user_replaced_by_every_json_type_when_mapped_then_it_never_throws() {
        RawProfile user = RandomUserFixtures.first(RandomUserFixtures.V1_4_NL);
        List<Object> replacements =
                Arrays.asList(null, 42, -1.5, "x", "", true, List.of(), List.of(1, "a"), Map.of(), Map.of("date", "x"));
        List<String> paths = new ArrayList<>();
        collectPaths(user.fields(), "", paths);
        assertThat(paths).hasSizeGreaterThan(30);

        int mappings = 0;
        for (String path : paths) {
            for (Object replacement : replacements) {
                RawProfile changed =
                        RawProfileBuilder.from(user).with(path, replacement).build();
                assertThatCode(() -> ProfileMapping.map(changed))
                        .as(path + " = " + replacement)
                        .doesNotThrowAnyException();
                assertThat(ProfileMapping.map(changed).toString()).doesNotContain("could not be mapped");
                mappings++;
            }
        }
        assertThat(mappings).isEqualTo(paths.size() * replacements.size());
    }

    private static Map<String, Object> nullValues(String... keys) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : keys) {
            map.put(key, null);
        }
        return map;
    }

    private static void collectPaths(Map<?, ?> tree, String prefix, List<String> paths) {
        for (Map.Entry<?, ?> entry : tree.entrySet()) {
            String path = prefix + entry.getKey();
            paths.add(path);
            if (entry.getValue() instanceof Map<?, ?> child) {
                collectPaths(child, path + ".", paths);
            }
        }
    }
}
