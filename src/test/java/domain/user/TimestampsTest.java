package domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1993-07-20T09:44:18.674Z,      1993-07-20T09:44:18.674Z", // 1.3 / 1.4
        "1944-10-04T01:32:33Z,          1944-10-04T01:32:33Z", // 1.2
        "1944-10-04 01:32:33,           1944-10-04T01:32:33Z", // space, no zone: UTC
        "1944-10-04t01:32:33z,          1944-10-04T01:32:33Z",
        "1993-07-20T09:44Z,             1993-07-20T09:44:00Z",
        "1993-07-20,                    1993-07-20T00:00:00Z",
        "1993-07-20T09:44:18.1Z,        1993-07-20T09:44:18.100Z",
        "1993-07-20T09:44:18.123456789Z, 1993-07-20T09:44:18.123456789Z",
        "1993-07-20T11:44:18+02:00,     1993-07-20T09:44:18Z",
        "1993-07-20T06:14:18-0330,      1993-07-20T09:44:18Z",
        "1993-07-20T11:44:18+02,        1993-07-20T09:44:18Z",
        "2024-02-29T00:00:00Z,          2024-02-29T00:00:00Z",
        "2000-02-29T00:00:00Z,          2000-02-29T00:00:00Z",
        "1969-12-31T23:59:59.999Z,      1969-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00Z,          0001-01-01T00:00:00Z"
    })
    void given_an_iso_timestamp_shape_randomuser_sent_when_parsed_then_it_is_the_same_instant_as_java_time_reads(
            String text, String expected) {
        assertThat(Timestamps.parseIso(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "1993",
                "1993-7-20",
                "1993-07-2",
                "1993/07/20",
                "1993-13-01",
                "1993-00-10",
                "1993-07-00",
                "2023-02-29",
                "1900-02-29",
                "1993-04-31",
                "1993-07-20X09:44:18Z",
                "1993-07-20T24:00:00Z",
                "1993-07-20T09:60:00Z",
                "1993-07-20T09:44:60Z",
                "1993-07-20T09:44:18.Z",
                "1993-07-20T09:44:18.1234567890Z",
                "1993-07-20T09:44:18Zjunk",
                "1993-07-20T09:44:18+19:00",
                "1993-07-20T09:44:18+02:60",
                "1993-07-20T09:44:18+2:00",
                "1993-07-20T09:44:18 ",
                "1993-07-20T09",
                "1993-07-20T09:4",
                "+1993-07-20T09:44:18Z",
                "１９９３-07-20"
            })
    void given_text_that_is_not_such_a_timestamp_when_parsed_then_null(String text) {
        assertThat(Timestamps.parseIso(text)).isNull();
    }

    @Test
    void given_epoch_seconds_as_any_json_number_when_converted_then_the_instant_is_the_same() {
        Instant expected = Instant.ofEpochSecond(449_536_660);

        assertThat(Timestamps.fromEpochSeconds(449_536_660)).isEqualTo(expected);
        assertThat(Timestamps.fromEpochSeconds(449_536_660L)).isEqualTo(expected);
        assertThat(Timestamps.fromEpochSeconds(4.4953666E8)).isEqualTo(expected);
        assertThat(Timestamps.fromEpochSeconds(new BigDecimal("449536660.000"))).isEqualTo(expected);
        assertThat(Timestamps.fromEpochSeconds(-86_400)).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
    }

    @Test
    void given_epoch_seconds_with_a_fraction_or_beyond_year_9999_when_converted_then_null() {
        assertThat(Timestamps.fromEpochSeconds(449_536_660.5)).isNull();
        assertThat(Timestamps.fromEpochSeconds(253_402_300_800L)).isNull();
        assertThat(Timestamps.fromEpochSeconds(Long.MIN_VALUE)).isNull();
        assertThat(Timestamps.fromEpochSeconds(Double.NaN)).isNull();
        assertThat(Timestamps.fromEpochSeconds(new BigDecimal("1E+999999999"))).isNull();
    }
}
