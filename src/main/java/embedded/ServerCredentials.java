package embedded;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one user the embedded servers demand when authentication is on ({@link
 * ClusterSettings#withCredentials}): Kafka takes it over SASL/PLAIN on its only client listener,
 * Cassandra as a role of its {@code PasswordAuthenticator}. For tests of the clients' security
 * settings; the default stack has no authentication (loopback only, docs/security.md).
 *
 * @param username letters, digits, {@code _ . -}: it goes into a JAAS configuration and CQL as is
 * @param password the same characters, for the same reason
 */
public record ServerCredentials(String username, String password) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ServerCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!PLAIN.matcher(username).matches() || !PLAIN.matcher(password).matches()) {
            throw new IllegalArgumentException("embedded server credentials must be 1-64 of [A-Za-z0-9_.-]");
        }
    }

    /** What a Kafka client needs to log in to the broker's SASL/PLAIN listener. */
    public Map<String, String> kafkaClientProperties() {
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", plainLogin());
    }

    /** The login module line for these credentials, as a client (and the broker itself) gives it. */
    String plainLogin() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** The broker's side: it logs in to itself as this user and accepts exactly this user. */
    String brokerLogin() {
        return plainLogin().replace(";", " user_" + username + "=\"" + password + "\";");
    }

    /** The record's own toString would print the password. */
    @Override
    public String toString() {
        return "ServerCredentials[username=" + username + ", password=***]";
    }
}
