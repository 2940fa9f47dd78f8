package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoInstantsTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000Z",
        "1969-12-31T23:59:59.999999999Z, 1969-12-31T23:59:59.999Z",
        "0000-01-01T00:00:00Z, 0000-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z",
        "2024-02-29T12:34:56.7Z, 2024-02-29T12:34:56.700Z",
        "1900-03-01T00:00:00.000999Z, 1900-03-01T00:00:00.000Z"
    })
    void given_an_instant_when_formatted_then_it_is_utc_with_three_fraction_digits(String instant, String expected) {
        assertThat(IsoInstants.format(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void given_random_instants_across_the_supported_years_when_formatted_then_they_match_the_jdk_formatter() {
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));

            assertThat(IsoInstants.format(instant)).isEqualTo(REFERENCE.format(instant));
        }
    }

    @Test
    void given_an_instant_beyond_year_9999_when_formatted_then_it_is_still_a_parsable_iso_instant() {
        Instant far = Instant.parse("+10000-01-01T00:00:00.5Z");

        assertThat(Instant.parse(IsoInstants.format(far))).isEqualTo(far);
    }

    @Test
    void given_no_instant_when_formatted_then_the_result_is_null() {
        assertThat(IsoInstants.format(null)).isNull();
    }
}
