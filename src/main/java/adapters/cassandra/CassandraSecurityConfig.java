package adapters.cassandra;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.internal.core.auth.PlainTextAuthProvider;
import com.datastax.oss.driver.internal.core.ssl.DefaultSslEngineFactory;

/** {@link CassandraClientSecurity} as the driver's options: its own auth provider and SSL engine factory. */
final class CassandraSecurityConfig {

    private CassandraSecurityConfig() {}

    static ProgrammaticDriverConfigLoaderBuilder apply(
            ProgrammaticDriverConfigLoaderBuilder config, CassandraClientSecurity security) {
        if (security.authenticates()) {
            config.withClass(DefaultDriverOption.AUTH_PROVIDER_CLASS, PlainTextAuthProvider.class)
                    .withString(DefaultDriverOption.AUTH_PROVIDER_USER_NAME, security.username())
                    .withString(DefaultDriverOption.AUTH_PROVIDER_PASSWORD, security.password());
        }
        if (security.ssl()) {
            // host name validation stays on (the driver's default): a certificate must name the node
            config.withClass(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS, DefaultSslEngineFactory.class);
            if (security.truststore() != null) {
                config.withString(
                        DefaultDriverOption.SSL_TRUSTSTORE_PATH,
                        security.truststore().toAbsolutePath().toString());
            }
            if (security.truststorePassword() != null) {
                config.withString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD, security.truststorePassword());
            }
        }
        return config;
    }
}
