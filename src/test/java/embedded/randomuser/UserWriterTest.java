package embedded.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class UserWriterTest {

    private final UserWriter writer = new UserWriter(LocalDate.of(2024, 6, 15));
    private final Nationality[] all = Nationalities.load().pool();

    @Test
    void given_a_seed_key_when_permuting_a_range_of_positions_then_no_two_collide() {
        long key = UserIdentity.seedKey("collisions", "");
        Set<Long> seen = new HashSet<>();
        Set<String> uuids = new HashSet<>();
        for (long p = 0; p < 200_000; p++) {
            seen.add(UserIdentity.permute48(p, key));
            uuids.add(UserIdentity.uuidMsb(key, p) + ":" + UserIdentity.uuidLsb(key, p));
        }
        assertThat(seen).hasSize(200_000);
        assertThat(uuids).hasSize(200_000);
    }

    @Test
    void given_many_users_when_parsing_their_dates_then_the_hand_written_iso_format_is_what_java_time_prints() {
        ByteSink sink = new ByteSink(1 << 16);
        for (long p = 0; p < 3000; p++) {
            sink.reset();
            writer.writeUser(sink, 7L, p, all, -1, UserFields.bit("dob") | UserFields.bit("registered"));
            JsonNode user = LoopbackHttp.parse(sink.toString());
            for (String field : new String[] {"dob", "registered"}) {
                String date = user.get(field).get("date").asText();
                Instant instant = Instant.parse(date);
                assertThat(date)
                        .isEqualTo(instant.toString().length() == 24 ? instant.toString() : withMillis(instant));
                LocalDate day = LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
                int age =
                        java.time.Period.between(day, LocalDate.of(2024, 6, 15)).getYears();
                assertThat(user.get(field).get("age").asInt()).isEqualTo(Math.max(0, age));
            }
        }
    }

    private static String withMillis(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(instant);
    }

    @Test
    void given_the_same_position_when_written_with_other_fields_or_genders_then_identity_is_stable() {
        long key = UserIdentity.seedKey("stable", "");
        ByteSink a = new ByteSink(1 << 12);
        ByteSink b = new ByteSink(1 << 12);
        writer.writeUser(a, key, 42, all, -1, UserFields.ALL);
        writer.writeUser(b, key, 42, all, -1, UserFields.bit("login"));

        assertThat(LoopbackHttp.parse(b.toString()).get("login"))
                .isEqualTo(LoopbackHttp.parse(a.toString()).get("login"));
    }
}
