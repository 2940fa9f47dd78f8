package domain.user;

import static domain.user.ProfileMappingFixturesTest.accepted;
import static domain.user.ProfileMappingRulesTest.problems;
import static domain.user.ProfileMappingRulesTest.rejection;
import static domain.user.RawProfileBuilder.aV14User;
import static domain.user.RawProfileBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, "keep every identifiable user": whatever one stored field of a real profile holds, the
 * user is kept, the field read leniently or stored as null, and the problem recorded with the user.
 */
class ProfileMappingFieldProblemsTest {

    private static final User ORIGINAL = accepted(aV14User().build());
    private static final String OVER_LONG = "x".repeat(ProfileLimits.MAX_FIELD_LENGTH + 1);

    /** How a field is read, and so which values are malformed for it. */
    enum Kind {
        OBJECT(List.of("Jawad Pruijn", 7, true, listOf(1, "a"), 12.5)),
        TEXT(List.of(true, 12.5, Map.of("x", 1), listOf(1, "a"), OVER_LONG, 7)),
        NUMBER_OR_TEXT(List.of(true, 12.5, Map.of("x", 1), listOf(1, "a"), OVER_LONG)),
        STREET(List.of(true, 12.5, listOf(1, "a"), OVER_LONG, 7)),
        EMAIL(List.of(true, 12.5, Map.of("x", 1), listOf(1, "a"), OVER_LONG, "nobody", 7)),
        DATE(List.of("yesterday", "2023-02-29", "19\u000044-11-28", true, listOf(1, "a"), 12.5, OVER_LONG)),
        DATE_VALUE(List.of(
                "yesterday", "2023-02-29", "19\u000044-11-28", true, listOf(1, "a"), Map.of("x", 1), 12.5, OVER_LONG));

        final List<Object> badValues;

        Kind(List<Object> badValues) {
            this.badValues = badValues;
        }
    }

    /** Every source path the mapping stores, its kind, and the user's components it feeds. */
    record Field(String path, Kind kind, List<String> feeds) {}

    static final List<Field> FIELDS = List.of(
            new Field("name", Kind.OBJECT, List.of("firstName", "lastName")),
            new Field("name.first", Kind.TEXT, List.of("firstName")),
            new Field("name.last", Kind.TEXT, List.of("lastName")),
            new Field("gender", Kind.TEXT, List.of("gender")),
            new Field("location", Kind.OBJECT, List.of("address", "postCode")),
            new Field("location.street", Kind.STREET, List.of("address")),
            new Field("location.street.number", Kind.NUMBER_OR_TEXT, List.of("address")),
            new Field("location.street.name", Kind.TEXT, List.of("address")),
            new Field("location.city", Kind.TEXT, List.of("address")),
            new Field("location.state", Kind.TEXT, List.of("address")),
            new Field("location.country", Kind.TEXT, List.of("address")),
            new Field("location.postcode", Kind.NUMBER_OR_TEXT, List.of("postCode")),
            new Field("email", Kind.EMAIL, List.of("email")),
            new Field("login.username", Kind.TEXT, List.of("username")),
            new Field("dob", Kind.DATE, List.of("dob")),
            new Field("dob.date", Kind.DATE_VALUE, List.of("dob")),
            new Field("registered", Kind.DATE, List.of("registeredDate")),
            new Field("registered.date", Kind.DATE_VALUE, List.of("registeredDate")),
            new Field("phone", Kind.TEXT, List.of("phone")),
            new Field("picture", Kind.OBJECT, List.of("picture")),
            new Field("picture.medium", Kind.TEXT, List.of("picture")),
            new Field("nat", Kind.TEXT, List.of("nationality")));

    private static final Map<String, Function<User, Object>> COMPONENTS = Map.ofEntries(
            Map.entry("firstName", User::firstName),
            Map.entry("lastName", User::lastName),
            Map.entry("gender", User::gender),
            Map.entry("address", User::address),
            Map.entry("postCode", User::postCode),
            Map.entry("email", User::email),
            Map.entry("username", User::username),
            Map.entry("dob", User::dob),
            Map.entry("registeredDate", User::registeredDate),
            Map.entry("phone", User::phone),
            Map.entry("picture", User::picture),
            Map.entry("nationality", User::nationality));

    static Stream<Arguments> everyFieldWithEveryBadShape() {
        return FIELDS.stream()
                .flatMap(field -> field.kind().badValues.stream()
                        .map(value -> Arguments.of(field.path(), shape(value), value, field)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("everyFieldWithEveryBadShape")
    void given_one_malformed_field_when_mapped_then_the_user_is_kept_with_the_problem_and_every_other_field(
            String path, String shape, Object value, Field field) {
        User user = accepted(aV14User().with(path, value).build());

        assertThat(user.id()).isEqualTo(ORIGINAL.id());
        assertThat(user.fieldProblems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(path);
            assertThat(problem.text())
                    .startsWith(path + ": ")
                    .hasSizeLessThanOrEqualTo(ProfileLimits.MAX_FIELD_PROBLEM_LENGTH)
                    .doesNotContainPattern("\\p{Cntrl}")
                    .endsWith(problem.nulled() ? "; stored as null" : "; read as '" + value + "'");
        });
        FieldProblem problem = user.fieldProblems().get(0);
        COMPONENTS.forEach((name, component) -> {
            Object stored = component.apply(user);
            if (!field.feeds().contains(name)) {
                assertThat(stored).as("%s, not fed by %s", name, path).isEqualTo(component.apply(ORIGINAL));
            } else if (!problem.nulled()) {
                assertThat(String.valueOf(stored)).as(name + " read leniently").contains(String.valueOf(value));
            } else if (name.equals("address") && !path.equals("location")) {
                assertThat(stored).as("address without the bad part").isNotEqualTo(ORIGINAL.address());
            } else {
                assertThat(stored).as(name + " stored as null").isNull();
            }
        });
    }

    @Test
    void given_every_stored_field_malformed_at_once_when_mapped_then_the_user_is_kept_with_only_its_identity() {
        RawProfileBuilder profile = aV14User();
        List<String> leaves = new ArrayList<>();
        for (Field field : FIELDS) {
            boolean parentMalformed = FIELDS.stream()
                    .anyMatch(other -> field.path().startsWith(other.path() + ".") && leaves.contains(other.path()));
            boolean hasChildren = FIELDS.stream().anyMatch(other -> other.path().startsWith(field.path() + "."));
            if (!parentMalformed && !hasChildren) {
                profile.with(field.path(), true);
                leaves.add(field.path());
            }
        }

        User user = accepted(profile.build());

        assertThat(user.id()).isEqualTo(ORIGINAL.id());
        assertThat(user).hasAllNullFieldsOrPropertiesExcept("id", "fieldProblems");
        assertThat(user.fieldProblems())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrderElementsOf(leaves)
                .hasSizeLessThanOrEqualTo(ProfileLimits.MAX_FIELD_PROBLEMS);
        assertThat(user.hasNulledFields()).isTrue();
    }

    @Nested
    class LenientDates {

        @Test
        void given_epoch_seconds_as_text_when_mapped_then_the_date_is_read_and_the_problem_recorded() {
            User user = accepted(aV14User().with("dob.date", "449536660").build());

            assertThat(user.dob()).isEqualTo(Instant.parse("1984-03-30T23:17:40Z"));
            assertThat(problems(user))
                    .containsExactly("dob.date: is epoch seconds as text: '449536660'; read as 1984-03-30T23:17:40Z");
            assertThat(user.hasNulledFields()).isFalse();
        }

        @Test
        void given_epoch_milliseconds_as_a_number_or_text_when_mapped_then_the_date_is_read() {
            User number =
                    accepted(aV14User().with("registered", 1_518_101_713_972L).build());
            User negative =
                    accepted(aV14User().with("dob.date", "-791845671354").build());

            assertThat(number.registeredDate()).isEqualTo(Instant.parse("2018-02-08T14:55:13.972Z"));
            assertThat(problems(number))
                    .containsExactly(
                            "registered: is epoch milliseconds: 1518101713972; read as 2018-02-08T14:55:13.972Z");
            assertThat(negative.dob()).isEqualTo(Instant.parse("1944-11-28T02:52:08.646Z"));
            assertThat(problems(negative))
                    .containsExactly("dob.date: is epoch milliseconds as text: '-791845671354';"
                            + " read as 1944-11-28T02:52:08.646Z");
        }

        @Test
        void given_epoch_seconds_as_a_number_when_mapped_then_it_is_the_1_0_shape_and_no_problem() {
            User user = accepted(aV14User().with("dob", 449_536_660).build());

            assertThat(user.dob()).isEqualTo(Instant.parse("1984-03-30T23:17:40Z"));
            assertThat(user.fieldProblems()).isEmpty();
        }

        @Test
        void given_epoch_milliseconds_beyond_year_9999_when_mapped_then_stored_as_null() {
            assertThat(problems(accepted(
                            aV14User().with("dob.date", "999999999999999999").build())))
                    .containsExactly("dob.date: is epoch milliseconds as text: '999999999999999999', out of range;"
                            + " stored as null");
        }
    }

    @Nested
    class SizeCaps {

        @Test
        void given_an_optional_field_at_the_length_limit_when_mapped_then_kept_and_one_over_it_stored_as_null() {
            String atLimit = "a".repeat(ProfileLimits.MAX_FIELD_LENGTH);

            User kept =
                    accepted(aV14User().with("name.first", " " + atLimit + " ").build());
            User over = accepted(aV14User().with("name.first", atLimit + "b").build());

            assertThat(kept.firstName()).isEqualTo(atLimit);
            assertThat(kept.fieldProblems()).isEmpty();
            assertThat(over.firstName()).isNull();
            assertThat(problems(over))
                    .containsExactly("name.first: is 1025 characters long, over the limit of 1024; stored as null");
        }

        @Test
        void given_an_over_long_login_uuid_when_mapped_then_rejected_naming_its_length_not_its_value() {
            String reason = rejection(aV14User()
                    .with("login.uuid", "680e3b35-d5dc-487f-a492-d0c36b6697a9".repeat(100))
                    .build());

            assertThat(reason)
                    .isEqualTo(
                            "login.uuid is 3600 characters long, over the limit of 1024: the user cannot be identified");
        }

        @Test
        void given_a_profile_over_the_size_limit_when_mapped_then_rejected_naming_its_size_and_only_the_limit_kept() {
            RawProfile huge = aV14User()
                    .with("cell", "0".repeat(ProfileLimits.MAX_PROFILE_LENGTH))
                    .build();

            MappingResult result = ProfileMapping.map(huge);

            assertThat(result).isInstanceOf(MappingResult.Rejected.class);
            MappingResult.Rejected rejected = (MappingResult.Rejected) result;
            assertThat(rejected.reason())
                    .isEqualTo("profile is " + huge.json().length() + " characters of JSON, over the limit of 16384"
                            + " (its first 16384 are kept)");
            assertThat(rejected.keptJson()).hasSize(ProfileLimits.MAX_PROFILE_LENGTH);
            assertThat(huge.json()).startsWith(rejected.keptJson());
        }

        @Test
        void given_a_profile_exactly_at_the_size_limit_when_mapped_then_kept() {
            int withEmptyCell = aV14User().with("cell", "").build().json().length();
            RawProfile atLimit = aV14User()
                    .with("cell", "0".repeat(ProfileLimits.MAX_PROFILE_LENGTH - withEmptyCell))
                    .build();

            assertThat(atLimit.json()).hasSize(ProfileLimits.MAX_PROFILE_LENGTH);
            assertThat(accepted(atLimit).id()).isEqualTo(ORIGINAL.id());
        }

        @Test
        void given_a_field_problem_longer_than_its_limit_when_created_then_it_is_cut_without_splitting_a_character() {
            FieldProblem problem = new FieldProblem("name.first", "é".repeat(10) + "😀".repeat(200), true);

            assertThat(problem.text())
                    .hasSize(ProfileLimits.MAX_FIELD_PROBLEM_LENGTH - 1)
                    .endsWith("😀...");
            assertThat(new FieldProblem("phone", "x".repeat(500), false).text())
                    .hasSize(ProfileLimits.MAX_FIELD_PROBLEM_LENGTH)
                    .endsWith("x...");
        }

        @Test
        void given_more_field_problems_than_the_limit_when_a_user_is_created_then_it_is_refused() {
            List<FieldProblem> tooMany = Arrays.asList(new FieldProblem[ProfileLimits.MAX_FIELD_PROBLEMS + 1]);
            tooMany.replaceAll(nothing -> new FieldProblem("phone", "x; stored as null", true));

            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> new User(
                            ORIGINAL.id(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            tooMany))
                    .withMessageContaining("at most 32 field problems");
        }
    }

    private static String shape(Object value) {
        if (value instanceof String text && text.length() > 40) {
            return "a string of " + text.length() + " chars";
        }
        return JsonValues.describe(value);
    }
}
