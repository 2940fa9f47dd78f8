package embedded.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserWriterTest {

    private final UserWriter writer = new UserWriter(LocalDate.of(2024, 6, 15));
    private final Nationality[] all = Nationality.ALL.toArray(new Nationality[0]);

    @Test
    void given_a_seed_key_when_permuting_a_range_of_positions_then_no_two_collide() {
        long key = UserWriter.seedKey("collisions", "");
        Set<Long> seen = new HashSet<>();
        Set<String> uuids = new HashSet<>();
        for (long p = 0; p < 200_000; p++) {
            seen.add(UserWriter.permute48(p, key));
            uuids.add(UserWriter.uuidMsb(key, p) + ":" + UserWriter.uuidLsb(key, p));
        }
        assertThat(seen).hasSize(200_000);
        assertThat(uuids).hasSize(200_000);
    }

    @Test
    void given_many_users_when_parsing_their_dates_then_the_hand_written_iso_format_is_what_java_time_prints() {
        ByteSink sink = new ByteSink(1 << 16);
        for (long p = 0; p < 3000; p++) {
            sink.reset();
            writer.writeUser(sink, 7L, p, all, -1, UserWriter.fieldBit("dob") | UserWriter.fieldBit("registered"));
            JsonNode user = LoopbackHttp.parse(sink.toString());
            for (String field : new String[] {"dob", "registered"}) {
                String date = user.get(field).get("date").asText();
                Instant instant = Instant.parse(date);
                assertThat(date).isEqualTo(instant.toString().length() == 24 ? instant.toString() : withMillis(instant));
                LocalDate day = LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
                int age = java.time.Period.between(day, LocalDate.of(2024, 6, 15)).getYears();
                assertThat(user.get(field).get("age").asInt()).isEqualTo(Math.max(0, age));
            }
        }
    }

    private static String withMillis(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    @Test
    void given_the_same_position_when_written_with_other_fields_or_genders_then_identity_is_stable() {
        long key = UserWriter.seedKey("stable", "");
        ByteSink a = new ByteSink(1 << 12);
        ByteSink b = new ByteSink(1 << 12);
        writer.writeUser(a, key, 42, all, -1, UserWriter.ALL_FIELDS);
        writer.writeUser(b, key, 42, all, -1, UserWriter.fieldBit("login"));

        assertThat(LoopbackHttp.parse(b.toString()).get("login")).isEqualTo(LoopbackHttp.parse(a.toString()).get("login"));
    }

    @Test
    void given_names_with_diacritics_when_folding_for_email_then_they_become_plain_ascii() {
        assertThat(Nationality.fold("Horst-Günter")).isEqualTo("horst-gunter");
        assertThat(Nationality.fold("Kulaksızoğlu")).isEqualTo("kulaksizoglu");
        assertThat(Nationality.fold("Ødegård")).isEqualTo("odegard");
        assertThat(Nationality.fold("Đorđević")).isEqualTo("dordevic");
        assertThat(Nationality.fold("O'Sullivan")).isEqualTo("osullivan");
        assertThat(Nationality.fold("van den Berg")).isEqualTo("vandenberg");
        assertThat(Nationality.fold("İpek")).isEqualTo("ipek");
    }

    @Test
    void given_the_data_tables_when_loaded_then_all_21_nationalities_have_a_dozen_names_per_list() {
        assertThat(Nationality.ALL).extracting(n -> n.code).containsExactly(
            "AU", "BR", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IN", "IR", "MX", "NL", "NO", "NZ",
            "RS", "TR", "UA", "US");
        for (Nationality n : Nationality.ALL) {
            assertThat(n.firstMale.length).as(n.code).isEqualTo(12);
            assertThat(n.firstFemale.length).as(n.code).isEqualTo(12);
            assertThat(n.last.length).as(n.code).isEqualTo(12);
        }
    }
}
