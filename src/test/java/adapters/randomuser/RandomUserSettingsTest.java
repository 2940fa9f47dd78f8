package adapters.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import adapters.randomuser.RandomUserSettings.RateLimit;
import adapters.randomuser.RandomUserSettings.RateLimitMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomUserSettingsTest {

    private static final RandomUserSettings DEFAULTS = RandomUserSettings.defaults();

    @Test
    void given_nothing_when_taking_the_defaults_then_they_target_the_public_1_4_api_within_its_quota() {
        assertThat(DEFAULTS.baseUrl()).isEqualTo(URI.create("https://randomuser.me/api/1.4/"));
        assertThat(DEFAULTS.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULTS.maxAttempts()).isEqualTo(6);
        assertThat(DEFAULTS.initialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(DEFAULTS.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULTS.maxConcurrentRequests()).isEqualTo(4);
        assertThat(DEFAULTS.effectiveRateLimit()).contains(new RateLimit(18_000, Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/api/1.4/",
                "http://127.45.6.7/api/",
                "http://localhost:1/",
                "http://LOCALHOST/api/1.4/",
                "http://[::1]:9000/api/1.4/"
            })
    void given_a_loopback_base_url_when_the_rate_limit_is_not_set_then_it_is_off(String url) {
        assertThat(DEFAULTS.withBaseUrl(URI.create(url)).effectiveRateLimit()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://randomuser.me/api/1.4/",
                "http://10.0.0.1/api/",
                "http://128.0.0.1/",
                "http://localhost.example.com/",
                "http://[::2]/"
            })
    void given_a_remote_base_url_when_the_rate_limit_is_not_set_then_the_default_limit_applies(String url) {
        assertThat(DEFAULTS.withBaseUrl(URI.create(url)).effectiveRateLimit())
                .contains(RandomUserSettings.DEFAULT_RATE_LIMIT);
    }

    @Test
    void given_a_loopback_base_url_when_the_rate_limit_is_set_explicitly_then_it_applies() {
        RandomUserSettings settings = DEFAULTS.withRateLimit(100, Duration.ofSeconds(10))
                .withBaseUrl(URI.create("http://127.0.0.1:8080/api/1.4/"));

        assertThat(settings.rateLimitMode()).isEqualTo(RateLimitMode.ON);
        assertThat(settings.effectiveRateLimit()).contains(new RateLimit(100, Duration.ofSeconds(10)));
    }

    @Test
    void given_a_remote_base_url_when_the_rate_limit_is_switched_off_then_there_is_none() {
        assertThat(DEFAULTS.withoutRateLimit().effectiveRateLimit()).isEmpty();
    }

    @Test
    void given_withers_when_applied_then_each_changes_only_its_setting() {
        RandomUserSettings changed = DEFAULTS.withRequestTimeout(Duration.ofSeconds(3))
                .withConnectTimeout(Duration.ofSeconds(1))
                .withMaxAttempts(2)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .withMaxConcurrentRequests(9);

        assertThat(changed)
                .isEqualTo(new RandomUserSettings(
                        DEFAULTS.baseUrl(),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(1),
                        2,
                        Duration.ofMillis(10),
                        Duration.ofMillis(20),
                        9,
                        RandomUserSettings.DEFAULT_RATE_LIMIT,
                        RateLimitMode.AUTOMATIC));
    }

    @Test
    void given_invalid_values_when_building_then_the_message_names_the_setting() {
        assertThatThrownBy(() -> DEFAULTS.withBaseUrl(URI.create("ftp://randomuser.me/")))
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> DEFAULTS.withBaseUrl(URI.create("/api/1.4/"))).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> DEFAULTS.withBaseUrl(URI.create("https://randomuser.me/api/?results=5")))
                .hasMessageContaining("baseUrl must not carry a query");
        assertThatThrownBy(() -> DEFAULTS.withBaseUrl(null)).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> DEFAULTS.withRequestTimeout(Duration.ZERO))
                .hasMessage("requestTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> DEFAULTS.withConnectTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> DEFAULTS.withMaxAttempts(0)).hasMessage("maxAttempts must be >= 1, was 0");
        assertThatThrownBy(() -> DEFAULTS.withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("initialBackoff must be positive");
        assertThatThrownBy(() -> DEFAULTS.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff must be >= initialBackoff");
        assertThatThrownBy(() -> DEFAULTS.withMaxConcurrentRequests(0))
                .hasMessage("maxConcurrentRequests must be >= 1, was 0");
        assertThatThrownBy(() -> DEFAULTS.withRateLimit(0, Duration.ofMinutes(5)))
                .hasMessage("rateLimit.users must be >= 1, was 0");
        assertThatThrownBy(() -> DEFAULTS.withRateLimit(10, Duration.ZERO))
                .hasMessageContaining("rateLimit.window must be positive");
    }
}
