package sidecar.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractInstantTest {

    @Test
    void given_random_instants_in_the_contract_format_when_parsed_then_each_equals_what_instant_parse_gives() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            // years 0000 to 9999, every millisecond of them equally likely
            long millis = -62_167_219_200_000L + (long) (random.nextDouble() * 315_537_897_600_000L);
            String text = Json.instant(Instant.ofEpochMilli(millis));
            assertThat(ContractInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-02-29T23:59:59.999Z",
                "2000-01-01T00:00:00.000Z",
                "1970-01-01T00:00:00.000Z",
                "0000-01-01T00:00:00.000Z",
                "2016-12-31T23:59:60.000Z", // a leap second, the end of a day and a small z: Instant.parse's own
                "2024-01-01T24:00:00.000Z",
                "2024-01-01T23:59:59.000z",
                "2024-01-31T12:34:56Z",
                "2024-01-31T12:34:56.123456789Z",
                "2024-01-31T12:34:56.789+01:00",
                "+12024-01-31T12:34:56.789Z"
            })
    void given_other_valid_iso_instants_when_parsed_then_they_equal_instant_parse_cut_to_milliseconds(String text) {
        assertThat(ContractInstant.parse(text)).isEqualTo(Instant.parse(text).truncatedTo(ChronoUnit.MILLIS));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-29T00:00:00.000Z",
                "2024-04-31T00:00:00.000Z",
                "2024-13-01T00:00:00.000Z",
                "2024-00-10T00:00:00.000Z",
                "2024-01-01T23:60:00.000Z",
                "2024-01-01T23:59:61.000Z",
                "2024-01-01T23:59:5a.000Z",
                "2024-01-01 23:59:59.000Z",
                "20x4-01-01T23:59:59.000Z",
                "-024-01-01T23:59:59.000Z",
                ""
            })
    void given_an_impossible_or_malformed_instant_when_parsed_then_it_fails_as_instant_parse_does(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ContractInstant.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
