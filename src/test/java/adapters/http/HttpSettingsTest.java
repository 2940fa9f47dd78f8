package adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSettingsTest {

    @Test
    void given_no_choices_when_taking_the_defaults_then_loopback_8080_no_auth_and_64_kib() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.bearerToken()).isNull();
        assertThat(defaults.authenticationEnabled()).isFalse();
        assertThat(defaults.maxRequestBodyBytes()).isEqualTo(65_536);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536})
    void given_a_port_outside_0_to_65535_when_building_then_it_is_refused(int port) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSettings.defaults().withPort(port))
                .withMessageContaining("port");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "has space", "newline\n", "ünïcode", "=leading-equals"})
    void given_a_token_that_could_not_travel_in_a_header_when_building_then_it_is_refused_without_echoing_it(
            String token) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSettings.defaults().withBearerToken(token + "x".repeat(40)))
                .withMessageContaining("API token")
                .satisfies(e -> {
                    if (!token.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(token + "x");
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 16 * 1024 * 1024 + 1})
    void given_a_body_limit_out_of_range_when_building_then_it_is_refused(int limit) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSettings.defaults().withMaxRequestBodyBytes(limit))
                .withMessageContaining("maxRequestBodyBytes");
    }

    @Test
    void given_a_blank_host_when_building_then_it_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSettings.defaults().withHost(" "));
    }

    @Test
    void given_a_token_when_printing_the_settings_then_the_token_is_masked() {
        HttpSettings settings = HttpSettings.defaults().withBearerToken("abc.DEF-123_xyz~+/0123456789abcdefgh==");

        assertThat(settings.authenticationEnabled()).isTrue();
        assertThat(settings.toString()).doesNotContain("abc.DEF").contains("bearerToken=***");
    }

    @Test
    void given_an_empty_token_when_building_then_it_is_an_error_not_auth_off() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSettings.defaults().withBearerToken(""))
                .withMessageContaining("empty");
    }

    @Test
    void given_a_token_shorter_than_the_minimum_when_building_then_it_is_refused_naming_the_minimum() {
        String shortToken = "a".repeat(HttpSettings.MIN_TOKEN_LENGTH - 1);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSettings.defaults().withBearerToken(shortToken))
                .withMessageContaining("at least " + HttpSettings.MIN_TOKEN_LENGTH)
                .withMessageNotContaining(shortToken);
        assertThat(HttpSettings.defaults()
                        .withBearerToken("a".repeat(HttpSettings.MIN_TOKEN_LENGTH))
                        .authenticationEnabled())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.20", "example.invalid"})
    void given_a_non_loopback_bind_without_a_token_when_checking_then_it_is_exposed_unless_opted_out(String host) {
        HttpSettings open = HttpSettings.defaults().withHost(host);

        assertThat(open.exposedWithoutToken()).isTrue();
        assertThat(open.withOpenOnTrustedNetwork(true).exposedWithoutToken()).isFalse();
        assertThat(open.withBearerToken("t".repeat(HttpSettings.MIN_TOKEN_LENGTH))
                        .exposedWithoutToken())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"})
    void given_a_loopback_bind_without_a_token_when_checking_then_it_is_not_exposed(String host) {
        assertThat(HttpSettings.defaults().withHost(host).exposedWithoutToken()).isFalse();
    }
}
