package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import embedded.EmbeddedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SecuredCluster;

/**
 * The app's Cassandra session against a real Cassandra running {@code PasswordAuthenticator}
 * ({@link SecuredCluster}): it connects and applies its schema with the role's login, and is refused
 * at once without it or with a wrong password.
 */
@ExtendWith(SecuredCluster.class)
class CassandraAuthIT {

    private static CassandraSettings settings(EmbeddedCluster cluster, CassandraClientSecurity security) {
        return CassandraSettings.defaults(
                        "127.0.0.1:" + cluster.cassandraContactPoint().getPort())
                .withLocalDatacenter(cluster.cassandraDatacenter())
                .withKeyspace("auth_" + UUID.randomUUID().toString().substring(0, 8))
                .withSecurity(security);
    }

    @Test
    void given_the_role_s_login_when_connecting_then_the_schema_is_applied_and_the_probe_reads_the_table(
            EmbeddedCluster cluster) {
        CassandraClientSecurity login = CassandraClientSecurity.login(
                SecuredCluster.CREDENTIALS.username(), SecuredCluster.CREDENTIALS.password());

        try (CassandraUsers users = CassandraUsers.connect(settings(cluster, login))) {
            assertThat(users.probe()).isEqualTo("ok");
        }
    }

    @Test
    void given_no_login_when_connecting_then_it_is_refused_at_once_saying_authentication_is_required(
            EmbeddedCluster cluster) {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> CassandraUsers.connect(settings(cluster, CassandraClientSecurity.NONE)))
                .isInstanceOf(CassandraAccessException.class)
                .hasMessageContaining("cannot connect to Cassandra")
                .hasMessageContaining("requires authentication");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void given_a_wrong_password_when_connecting_then_it_is_refused_without_showing_the_password(
            EmbeddedCluster cluster) {
        CassandraClientSecurity wrong =
                CassandraClientSecurity.login(SecuredCluster.CREDENTIALS.username(), "not-the-password");

        assertThatThrownBy(() -> CassandraUsers.connect(settings(cluster, wrong)))
                .isInstanceOf(CassandraAccessException.class)
                .hasMessageContaining("password are incorrect")
                .hasMessageNotContaining("not-the-password");
    }
}
