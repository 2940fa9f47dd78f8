package domain.user;

import static domain.user.RandomUserFixtures.V1_0_LEGACY;
import static domain.user.RandomUserFixtures.V1_2_LEGACY;
import static domain.user.RandomUserFixtures.V1_3_BR;
import static domain.user.RandomUserFixtures.V1_3_GB;
import static domain.user.RandomUserFixtures.V1_3_MIXED_50;
import static domain.user.RandomUserFixtures.V1_4_MIXED_111;
import static domain.user.RandomUserFixtures.V1_4_NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping against real recorded RandomUser responses, API 1.0 to 1.4. */
class ProfileMappingFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        V1_3_BR + ", 1",
        V1_3_GB + ", 1",
        V1_3_MIXED_50 + ", 50",
        V1_4_NL + ", 1",
        V1_4_MIXED_111 + ", 111",
        V1_2_LEGACY + ", 6"
    })
    void given_a_recorded_1_2_to_1_4_response_when_every_user_is_mapped_then_each_is_accepted_with_every_field_set(
            String file, int users) {
        List<User> mapped =
                load(file).stream().map(ProfileMappingFixturesTest::accepted).collect(Collectors.toList());

        assertThat(mapped).hasSize(users);
        assertThat(mapped).allSatisfy(user -> assertThat(user).hasNoNullFieldsOrProperties());
        assertThat(mapped).extracting(User::id).doesNotHaveDuplicates();
    }

    @Test
    void given_the_NL_one_user_file_when_mapped_then_every_field_is_the_source_value() {
        User user = accepted(RandomUserFixtures.first(V1_4_NL));

        assertThat(user.id()).isEqualTo(UserId.of("680e3b35-d5dc-487f-a492-d0c36b6697a9"));
        assertThat(user.firstName()).isEqualTo("Jawad");
        assertThat(user.lastName()).isEqualTo("Pruijn");
        assertThat(user.gender()).isEqualTo("male");
        assertThat(user.address()).isEqualTo("8791 Burg Mobersstraat, Rijperkerk, Friesland, Netherlands");
        assertThat(user.postCode()).isEqualTo("0958 PO");
        assertThat(user.email()).isEqualTo("jawad.pruijn@example.com");
        assertThat(user.username()).isEqualTo("purpledog875");
        assertThat(user.dob()).isEqualTo(Instant.parse("1944-11-28T02:52:08.646Z"));
        assertThat(user.registeredDate()).isEqualTo(Instant.parse("2018-02-08T14:55:13.972Z"));
        assertThat(user.phone()).isEqualTo("(047) 4464669");
        assertThat(user.picture()).isEqualTo("https://randomuser.me/api/portraits/med/men/18.jpg");
        assertThat(user.nationality()).isEqualTo("NL");
    }

    @Test
    void given_a_GB_user_with_a_string_postcode_when_mapped_then_the_postcode_is_kept_as_sent() {
        User user = accepted(RandomUserFixtures.first(V1_3_GB));

        assertThat(user.postCode()).isEqualTo("K47 1GX");
        assertThat(user.address()).isEqualTo("4992 King Street, Liverpool, Hertfordshire, United Kingdom");
        assertThat(user.dob()).isEqualTo(Instant.parse("1951-11-01T17:49:27.423Z"));
    }

    @Test
    void given_number_and_digit_only_string_postcodes_when_mapped_then_both_are_plain_digits() {
        List<RawProfile> users = load(V1_4_MIXED_111);

        assertThat(accepted(users.get(11)).postCode()).isEqualTo("15009"); // FI: JSON number
        assertThat(accepted(users.get(44)).postCode()).isEqualTo("4596"); // NO: JSON string
        assertThat(accepted(RandomUserFixtures.first(V1_3_BR)).postCode()).isEqualTo("93846"); // BR: JSON number
    }

    @Test
    void given_users_whose_id_value_is_null_when_mapped_then_they_are_accepted() {
        List<RawProfile> withNullIdValue = load(V1_4_MIXED_111).stream()
                .filter(raw -> ((Map<?, ?>) raw.fields().get("id")).get("value") == null)
                .collect(Collectors.toList());

        assertThat(withNullIdValue).hasSize(14);
        assertThat(withNullIdValue)
                .allSatisfy(raw -> assertThat(ProfileMapping.map(raw)).isInstanceOf(MappingResult.Accepted.class));
        assertThat(withNullIdValue.stream()
                        .map(raw -> (String) raw.fields().get("nat"))
                        .collect(Collectors.toSet()))
                .containsAll(Set.of("IR", "NZ", "TR", "UA"));
    }

    @Test
    void given_an_FI_user_with_a_garbage_id_value_when_mapped_then_it_is_accepted() {
        RawProfile finn = load(V1_4_MIXED_111).get(11);
        assertThat(finn.fields().get("id"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("value", "NaNNA229undefined");

        User user = accepted(finn);

        assertThat(user.id()).isEqualTo(UserId.of("0b4cd8d8-ed11-492a-a4b1-4fb3e4f7f9a8"));
        assertThat(user.nationality()).isEqualTo("FI");
    }

    @Test
    void given_non_ascii_names_and_places_when_mapped_then_they_are_preserved_exactly() {
        List<RawProfile> users = load(V1_4_MIXED_111);

        User persian = accepted(users.get(26));
        assertThat(persian.firstName()).isEqualTo("یسنا");
        assertThat(persian.lastName()).isEqualTo("کامروا");
        assertThat(persian.address()).isEqualTo("8930 هویزه, خوی, قزوین, Iran");
        assertThat(persian.email()).isEqualTo("ysn.khmrw@example.com");

        User turkish = accepted(users.get(21));
        assertThat(turkish.firstName() + " " + turkish.lastName()).isEqualTo("Barış Tazegül");
        assertThat(turkish.address()).isEqualTo("5464 Necatibey Cd, Şırnak, Gaziantep, Turkey");

        User serbian = accepted(users.get(33));
        assertThat(serbian.firstName() + " " + serbian.lastName()).isEqualTo("Ljubiša Kojić");
        assertThat(serbian.address()).isEqualTo("5848 Dvadesetdevetog Novembra, Belgrade, Braničevo, Serbia");

        assertThat(accepted(users.get(44)).lastName()).isEqualTo("Sundstrøm");
    }

    @Test
    void given_a_street_name_with_a_trailing_space_when_mapped_then_the_address_has_none() {
        User user = accepted(load(V1_4_MIXED_111).get(15));

        assertThat(user.address()).isEqualTo("6335 Rua São Paulo, Paulo Afonso, Acre, Brazil");
        assertThat(user.firstName()).isEqualTo("Cátia");
    }

    @Test
    void given_phones_with_letters_and_punctuation_when_mapped_then_they_are_kept_as_sent() {
        List<RawProfile> users = load(V1_4_MIXED_111);

        assertThat(accepted(users.get(13)).phone()).isEqualTo("(096) G52-8383");
        assertThat(accepted(users.get(76)).phone()).isEqualTo("J41 C12-1310");
        assertThat(accepted(users.get(76)).postCode()).isEqualTo("B6B 6V2");
    }

    @Test
    void given_the_legacy_1_2_response_when_mapped_then_the_street_string_and_dates_without_millis_are_read() {
        List<RawProfile> users = load(V1_2_LEGACY);

        User british = accepted(users.get(0));
        assertThat(british.address()).isEqualTo("3474 mill road, aberdeen, staffordshire"); // 1.2 has no country
        assertThat(british.postCode()).isEqualTo("IE3 9YZ");
        assertThat(british.dob()).isEqualTo(Instant.parse("1944-10-04T01:32:33Z"));
        assertThat(british.registeredDate()).isEqualTo(Instant.parse("2010-08-23T23:07:00Z"));
        assertThat(british.firstName()).isEqualTo("brian"); // 1.2 sends lowercase names: kept as sent

        User finn = accepted(users.get(3));
        assertThat(finn.address()).isEqualTo("1302 tehtaankatu, nokia, satakunta");
        assertThat(finn.postCode()).isEqualTo("95038");
        assertThat(finn.nationality()).isEqualTo("FI");
    }

    @Test
    void given_the_legacy_1_0_response_when_mapped_then_every_user_is_rejected_only_for_having_no_uuid() {
        // API 1.0 has no login.uuid: such a user has no stable identity, so a re-fetch would duplicate it.
        assertThat(load(V1_0_LEGACY))
                .hasSize(6)
                .allSatisfy(raw -> assertThat(ProfileMapping.map(raw))
                        .isEqualTo(new MappingResult.Rejected(
                                raw, "login.uuid is missing: the user cannot be identified")));
    }

    @Test
    void given_a_legacy_1_0_user_with_a_uuid_when_mapped_then_the_street_string_and_epoch_dates_are_read() {
        RawProfile levi = RawProfileBuilder.from(RandomUserFixtures.first(V1_0_LEGACY))
                .with("login.uuid", "5c2a3f5e-0f0e-4f8e-9a43-2b4e1c7d9a10")
                .build();

        User user = accepted(levi);

        assertThat(user.address()).isEqualTo("6738 lone wolf trail, manchester, north carolina");
        assertThat(user.postCode()).isEqualTo("24560");
        assertThat(user.dob()).isEqualTo(Instant.parse("1984-03-30T23:17:40Z")); // 449536660
        assertThat(user.registeredDate()).isEqualTo(Instant.parse("2013-05-28T17:27:40Z")); // 1369762060
        assertThat(user.firstName()).isEqualTo("levi");
        assertThat(user.username()).isEqualTo("greengoose319");
        assertThat(user.gender()).as("1.0 sends no gender").isNull();
        assertThat(user.nationality()).as("1.0 sends no nat").isNull();
    }

    private static List<RawProfile> load(String file) {
        return RandomUserFixtures.load(file);
    }

    static User accepted(RawProfile raw) {
        MappingResult result = ProfileMapping.map(raw);
        assertThat(result).as("mapping of %s", raw.json()).isInstanceOf(MappingResult.Accepted.class);
        return ((MappingResult.Accepted) result).user();
    }
}
