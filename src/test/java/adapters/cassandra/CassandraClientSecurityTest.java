package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import org.junit.jupiter.api.Test;

class CassandraClientSecurityTest {

    private static final CassandraSettings SETTINGS = CassandraSettings.defaults("127.0.0.1:9042");

    private static DriverExecutionProfile driverProfile(CassandraClientSecurity security) {
        try (DriverConfigLoader loader =
                CassandraUsers.driverConfig(SETTINGS.withSecurity(security)).build()) {
            return loader.getInitialConfig().getDefaultProfile();
        }
    }

    @Test
    void given_a_role_and_password_then_the_driver_logs_in_with_its_plain_text_auth_provider() {
        DriverExecutionProfile profile = driverProfile(CassandraClientSecurity.login("pipeline", "pw-1"));

        assertThat(profile.getString(DefaultDriverOption.AUTH_PROVIDER_CLASS)).endsWith("PlainTextAuthProvider");
        assertThat(profile.getString(DefaultDriverOption.AUTH_PROVIDER_USER_NAME))
                .isEqualTo("pipeline");
        assertThat(profile.getString(DefaultDriverOption.AUTH_PROVIDER_PASSWORD))
                .isEqualTo("pw-1");
        assertThat(profile.isDefined(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS))
                .isFalse();
    }

    @Test
    void given_a_truststore_then_the_driver_speaks_tls_with_it_and_validates_host_names() {
        Path truststore = Path.of("/etc/cassandra/truststore.p12");
        DriverExecutionProfile profile =
                driverProfile(new CassandraClientSecurity(null, null, false, truststore, "trust-pw"));

        assertThat(profile.getString(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS))
                .endsWith("DefaultSslEngineFactory");
        assertThat(profile.getString(DefaultDriverOption.SSL_TRUSTSTORE_PATH)).isEqualTo(truststore.toString());
        assertThat(profile.getString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD))
                .isEqualTo("trust-pw");
        assertThat(profile.isDefined(DefaultDriverOption.SSL_HOSTNAME_VALIDATION))
                .isFalse();
        assertThat(profile.isDefined(DefaultDriverOption.AUTH_PROVIDER_CLASS)).isFalse();
    }

    @Test
    void given_no_security_then_the_driver_has_neither_login_nor_tls() {
        DriverExecutionProfile profile = driverProfile(CassandraClientSecurity.NONE);

        assertThat(profile.isDefined(DefaultDriverOption.AUTH_PROVIDER_CLASS)).isFalse();
        assertThat(profile.isDefined(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS))
                .isFalse();
    }

    @Test
    void given_passwords_when_the_settings_are_printed_then_they_are_hidden() {
        CassandraSettings settings = SETTINGS.withSecurity(
                new CassandraClientSecurity("pipeline", "pw-1", true, Path.of("/t.p12"), "trust-pw"));

        assertThat(settings.toString())
                .contains("username=pipeline", "password=***", "ssl=true", "truststorePassword=***")
                .doesNotContain("pw-1", "trust-pw");
    }

    @Test
    void given_half_a_login_or_a_truststore_password_alone_then_each_is_refused_without_the_secret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CassandraClientSecurity(null, "pw-1", false, null, null))
                .withMessageContaining("no username")
                .withMessageNotContaining("pw-1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CassandraClientSecurity("pipeline", null, false, null, null))
                .withMessageContaining("pipeline has no password");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CassandraClientSecurity(null, null, true, null, "trust-pw"))
                .withMessageContaining("no truststore");
    }

    @Test
    void given_a_truststore_then_tls_is_on() {
        assertThat(new CassandraClientSecurity(null, null, false, Path.of("/t.jks"), null).ssl())
                .isTrue();
    }
}
