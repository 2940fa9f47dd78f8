package domain.user;

import static domain.user.ProfileMappingFixturesTest.accepted;
import static domain.user.RawProfileBuilder.aV14User;
import static domain.user.RawProfileBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapping rules, each shown on a real 1.4 user with one thing changed. */
class ProfileMappingRulesTest {

    /** The user's field problems as the lines {@code users_created} carries. */
    static List<String> problems(User user) {
        return user.fieldProblems().stream().map(FieldProblem::text).toList();
    }

    static String rejection(RawProfile raw) {
        MappingResult result = ProfileMapping.map(raw);
        assertThat(result).as("mapping of %s", raw.json()).isInstanceOf(MappingResult.Rejected.class);
        MappingResult.Rejected rejected = (MappingResult.Rejected) result;
        assertThat(rejected.raw()).isSameAs(raw);
        return rejected.reason();
    }

    @Nested
    class Identity {

        @Test
        void given_no_login_uuid_when_mapped_then_rejected_because_the_user_cannot_be_identified() {
            assertThat(rejection(aV14User().without("login.uuid").build()))
                    .isEqualTo("login.uuid is missing: the user cannot be identified");
            assertThat(rejection(aV14User().with("login.uuid", null).build()))
                    .isEqualTo("login.uuid is missing: the user cannot be identified");
        }

        @Test
        void given_a_blank_login_uuid_when_mapped_then_rejected_as_blank() {
            assertThat(rejection(aV14User().with("login.uuid", "  ").build()))
                    .isEqualTo("login.uuid is blank: the user cannot be identified");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "xyz",
                    "1-2-3-4-5",
                    "680e3b35-d5dc-487f-a492-d0c36b6697a",
                    "680e3b35-d5dc-487f-a492-d0c36b6697ag",
                    "680e3b35d5dc-487f-a492-d0c36b6697a9f",
                    "+80e3b35-d5dc-487f-a492-d0c36b6697a9",
                    "６80e3b35-d5dc-487f-a492-d0c36b6697a9"
                })
        void given_a_login_uuid_that_is_not_a_canonical_uuid_when_mapped_then_rejected_naming_the_value(String uuid) {
            assertThat(rejection(aV14User().with("login.uuid", uuid).build()))
                    .isEqualTo("login.uuid is not a UUID: '" + uuid + "'");
        }

        @Test
        void given_a_login_uuid_that_is_not_a_string_when_mapped_then_rejected_naming_the_type() {
            assertThat(rejection(aV14User().with("login.uuid", 42).build()))
                    .isEqualTo("login.uuid should be a UUID string, not a number: 42");
        }

        @Test
        void given_an_upper_case_or_padded_uuid_when_mapped_then_it_is_the_same_identity() {
            UserId expected = UserId.of("680e3b35-d5dc-487f-a492-d0c36b6697a9");

            assertThat(accepted(aV14User()
                                    .with("login.uuid", "680E3B35-D5DC-487F-A492-D0C36B6697A9")
                                    .build())
                            .id())
                    .isEqualTo(expected);
            assertThat(accepted(aV14User()
                                    .with("login.uuid", " 680e3b35-d5dc-487f-a492-d0c36b6697a9 ")
                                    .build())
                            .id())
                    .isEqualTo(expected);
        }
    }

    /**
     * Issue 14: a malformed optional field no longer rejects its user. The user is kept, the field
     * read leniently or stored as null, and the problem recorded with the user.
     */
    @Nested
    class MalformedOptionalFields {

        @Test
        void given_a_dob_that_does_not_parse_when_mapped_then_kept_with_no_dob_and_the_problem_named() {
            User user = accepted(aV14User().with("dob.date", "yesterday").build());

            assertThat(user.dob()).isNull();
            assertThat(problems(user)).containsExactly("dob.date: is not a date: 'yesterday'; stored as null");
            assertThat(problems(accepted(
                            aV14User().with("dob.date", "2023-02-29T10:00:00Z").build())))
                    .containsExactly("dob.date: is not a date: '2023-02-29T10:00:00Z'; stored as null");
        }

        @Test
        void given_a_registered_date_of_the_wrong_type_when_mapped_then_kept_with_the_type_named() {
            assertThat(problems(accepted(aV14User().with("registered", true).build())))
                    .containsExactly(
                            "registered: should be a date string or epoch seconds, not a boolean: true; stored as null");
            assertThat(problems(accepted(aV14User()
                            .with("registered.date", listOf(2018, 2, 8))
                            .build())))
                    .containsExactly(
                            "registered.date: should be a date string or epoch seconds, not a list: [2018, 2, 8];"
                                    + " stored as null");
        }

        @Test
        void given_a_wrong_json_type_where_an_object_is_expected_when_mapped_then_kept_without_its_fields() {
            User noName = accepted(aV14User().with("name", "Jawad Pruijn").build());
            assertThat(noName.firstName()).isNull();
            assertThat(noName.lastName()).isNull();
            assertThat(problems(noName))
                    .containsExactly("name: should be an object, not a string: 'Jawad Pruijn'; stored as null");

            User noLocation =
                    accepted(aV14User().with("location", listOf("Rijperkerk")).build());
            assertThat(noLocation.address()).isNull();
            assertThat(noLocation.postCode()).isNull();
            assertThat(problems(noLocation))
                    .containsExactly("location: should be an object, not a list: [Rijperkerk]; stored as null");

            assertThat(problems(accepted(aV14User().with("picture", 18).build())))
                    .containsExactly("picture: should be an object, not a number: 18; stored as null");
        }

        @Test
        void given_a_whole_number_where_text_is_expected_when_mapped_then_kept_as_its_digits() {
            User user = accepted(aV14User().with("name.first", 7).build());

            assertThat(user.firstName()).isEqualTo("7");
            assertThat(user.fieldProblems())
                    .containsExactly(
                            new FieldProblem("name.first", "should be a string, not a number: 7; read as '7'", false));
            assertThat(user.hasNulledFields()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"jawad.pruijn.example.com", "@example.com", "jawad@"})
        void given_an_email_without_a_usable_at_sign_when_mapped_then_kept_without_an_email(String email) {
            User user = accepted(aV14User().with("email", email).build());

            assertThat(user.email()).isNull();
            assertThat(problems(user))
                    .containsExactly("email: is not an e-mail address: '" + email + "'; stored as null");
        }

        @Test
        void given_a_postcode_that_is_not_a_whole_number_or_text_when_mapped_then_kept_without_a_postcode() {
            User fraction = accepted(aV14User().with("location.postcode", 12.5).build());
            assertThat(fraction.postCode()).isNull();
            assertThat(problems(fraction))
                    .containsExactly("location.postcode: is not a whole number: 12.5; stored as null");
            assertThat(problems(accepted(
                            aV14User().with("location.postcode", Map.of()).build())))
                    .containsExactly(
                            "location.postcode: should be a string or a number, not an object: {}; stored as null");
        }

        @Test
        void given_a_street_of_the_wrong_shape_when_mapped_then_kept_with_what_can_be_read_of_the_address() {
            User numberStreet =
                    accepted(aV14User().with("location.street", 8791).build());
            assertThat(numberStreet.address()).isEqualTo("8791, Rijperkerk, Friesland, Netherlands");
            assertThat(problems(numberStreet))
                    .containsExactly(
                            "location.street: should be a string or an object, not a number: 8791; read as '8791'");

            User booleanNumber =
                    accepted(aV14User().with("location.street.number", false).build());
            assertThat(booleanNumber.address()).isEqualTo("Burg Mobersstraat, Rijperkerk, Friesland, Netherlands");
            assertThat(problems(booleanNumber))
                    .containsExactly("location.street.number: should be a string or a number, not a boolean: false;"
                            + " stored as null");
        }

        @Test
        void given_a_very_long_bad_value_when_mapped_then_the_problem_shows_it_truncated() {
            String huge = "x".repeat(10_000);

            List<String> problems =
                    problems(accepted(aV14User().with("dob.date", huge).build()));

            assertThat(problems)
                    .singleElement()
                    .asString()
                    .startsWith("dob.date: is not a date: 'xxxx")
                    .contains("...(10000 chars)")
                    .hasSizeLessThan(150);
        }

        @Test
        void given_several_bad_fields_when_mapped_then_each_is_recorded_in_reading_order() {
            User user = accepted(aV14User()
                    .with("email", "nobody")
                    .with("dob.date", "1944-13-28")
                    .with("picture.medium", 3)
                    .build());

            assertThat(problems(user))
                    .containsExactly(
                            "email: is not an e-mail address: 'nobody'; stored as null",
                            "dob.date: is not a date: '1944-13-28'; stored as null",
                            "picture.medium: should be a string, not a number: 3; read as '3'");
            assertThat(user.hasNulledFields()).isTrue();
        }
    }

    @Nested
    class QuirksThatAreNotErrors {

        @Test
        void given_a_postcode_as_any_kind_of_json_number_when_mapped_then_it_renders_as_plain_digits() {
            assertThat(accepted(aV14User().with("location.postcode", 24560).build())
                            .postCode())
                    .isEqualTo("24560");
            assertThat(accepted(aV14User().with("location.postcode", 24560L).build())
                            .postCode())
                    .isEqualTo("24560");
            assertThat(accepted(aV14User().with("location.postcode", 24560.0).build())
                            .postCode())
                    .isEqualTo("24560");
            assertThat(accepted(aV14User().with("location.postcode", 2.456E4).build())
                            .postCode())
                    .isEqualTo("24560");
            assertThat(accepted(aV14User()
                                    .with("location.postcode", new BigDecimal("2.4560E+4"))
                                    .build())
                            .postCode())
                    .isEqualTo("24560");
            assertThat(accepted(aV14User()
                                    .with("location.postcode", new BigDecimal("24560.00"))
                                    .build())
                            .postCode())
                    .isEqualTo("24560");
        }

        @Test
        void given_a_digit_only_string_postcode_when_mapped_then_its_leading_zero_is_kept() {
            assertThat(accepted(aV14User().with("location.postcode", "0120").build())
                            .postCode())
                    .isEqualTo("0120");
        }

        @Test
        void given_any_id_object_when_mapped_then_it_is_ignored() {
            assertThat(accepted(aV14User().with("id.value", null).build()).id())
                    .isEqualTo(accepted(aV14User()
                                    .with("id.value", "NaNNA229undefined")
                                    .build())
                            .id());
            accepted(aV14User().with("id", 12).build());
            accepted(aV14User().without("id").build());
        }

        @Test
        void given_odd_values_in_fields_the_pipeline_does_not_store_when_mapped_then_accepted() {
            accepted(aV14User()
                    .with("location.coordinates.latitude", "31.4440")
                    .with("location.timezone.offset", "0:00")
                    .with("location.timezone", listOf("garbage"))
                    .with("cell", 612345678)
                    .with("dob.age", "seventy-seven")
                    .with("login.password", null)
                    .build());
        }

        @Test
        void given_dates_in_the_older_shapes_when_mapped_then_they_parse() {
            assertThat(accepted(aV14User()
                                    .with("dob.date", "1944-10-04T01:32:33Z")
                                    .build())
                            .dob())
                    .isEqualTo(Instant.parse("1944-10-04T01:32:33Z"));
            assertThat(accepted(aV14User()
                                    .with("dob.date", "1944-10-04 01:32:33")
                                    .build())
                            .dob())
                    .isEqualTo(Instant.parse("1944-10-04T01:32:33Z"));
            assertThat(accepted(aV14User().with("dob", 449536660).build()).dob())
                    .isEqualTo(Instant.parse("1984-03-30T23:17:40Z"));
            assertThat(accepted(aV14User().with("registered", 1369762060L).build())
                            .registeredDate())
                    .isEqualTo(Instant.parse("2013-05-28T17:27:40Z"));
        }

        @Test
        void given_text_with_surrounding_spaces_when_mapped_then_it_is_stripped_and_inner_text_kept() {
            User user = accepted(aV14User()
                    .with("name.first", " Jawad ")
                    .with("location.city", "Rijperkerk  ")
                    .build());

            assertThat(user.firstName()).isEqualTo("Jawad");
            assertThat(user.address()).isEqualTo("8791 Burg Mobersstraat, Rijperkerk, Friesland, Netherlands");
        }

        @Test
        void given_blank_or_null_optional_fields_when_mapped_then_they_are_absent_not_errors() {
            User user = accepted(aV14User()
                    .with("email", "")
                    .with("phone", null)
                    .with("dob.date", " ")
                    .build());

            assertThat(user.email()).isNull();
            assertThat(user.phone()).isNull();
            assertThat(user.dob()).isNull();
        }
    }

    @Nested
    class Addresses {

        @Test
        void given_missing_address_parts_when_mapped_then_they_are_left_out() {
            assertThat(accepted(aV14User().without("location.street").build()).address())
                    .isEqualTo("Rijperkerk, Friesland, Netherlands");
            assertThat(accepted(aV14User()
                                    .without("location.street.number")
                                    .without("location.state")
                                    .build())
                            .address())
                    .isEqualTo("Burg Mobersstraat, Rijperkerk, Netherlands");
            assertThat(accepted(aV14User()
                                    .with("location", Map.of("postcode", "0958 PO"))
                                    .build())
                            .address())
                    .isNull();
        }

        @Test
        void given_a_house_number_sent_as_text_when_mapped_then_it_is_used_as_is() {
            assertThat(accepted(aV14User().with("location.street.number", "12b").build())
                            .address())
                    .startsWith("12b Burg Mobersstraat, ");
        }
    }

    @Nested
    class IncSubsets {

        @Test
        void given_only_login_and_name_when_mapped_then_accepted_with_nulls_elsewhere() {
            User user = accepted(aV14User().only("login", "name").build());

            assertThat(user)
                    .isEqualTo(new User(
                            UserId.of("680e3b35-d5dc-487f-a492-d0c36b6697a9"),
                            "Jawad",
                            "Pruijn",
                            null,
                            null,
                            null,
                            null,
                            "purpledog875",
                            null,
                            null,
                            null,
                            null,
                            null));
        }

        @Test
        void given_only_login_when_mapped_then_accepted_with_just_the_identity_and_username() {
            User user = accepted(aV14User().only("login").build());

            assertThat(user.id()).isEqualTo(UserId.of("680e3b35-d5dc-487f-a492-d0c36b6697a9"));
            assertThat(user.username()).isEqualTo("purpledog875");
            assertThat(user).hasAllNullFieldsOrPropertiesExcept("id", "username", "fieldProblems");
            assertThat(user.fieldProblems()).isEmpty();
        }

        @Test
        void given_a_subset_without_login_when_mapped_then_rejected_because_the_user_cannot_be_identified() {
            assertThat(rejection(aV14User().only("gender", "name", "nat").build()))
                    .isEqualTo("login.uuid is missing: the user cannot be identified");
        }
    }
}
