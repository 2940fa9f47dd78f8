package adapters.cassandra;

import java.nio.file.Path;

/**
 * How the app's Cassandra session proves who it is and protects its traffic: a role's name and
 * password (the driver's {@code PlainTextAuthProvider}, for Cassandra's {@code PasswordAuthenticator})
 * and TLS (the driver's {@code DefaultSslEngineFactory}, with host name validation).
 *
 * @param username           the role to log in as; {@code null} for a cluster without authentication
 * @param password           its password; set exactly when {@code username} is
 * @param ssl                TLS on the native protocol; implied by a truststore
 * @param truststore         the JKS or PKCS12 truststore that holds the cluster's CA; {@code null}
 *                           for the JVM's default trust (the {@code javax.net.ssl.*} properties)
 * @param truststorePassword the truststore's password, if it has one
 */
public record CassandraClientSecurity(
        String username, String password, boolean ssl, Path truststore, String truststorePassword) {

    public static final CassandraClientSecurity NONE = new CassandraClientSecurity(null, null, false, null, null);

    public CassandraClientSecurity {
        if (username != null && username.isBlank()) {
            throw new IllegalArgumentException("the Cassandra username must not be blank");
        }
        if ((username == null) != (password == null)) {
            // the password itself never goes into a message
            throw new IllegalArgumentException(
                    username == null
                            ? "a Cassandra password is set but no username: set the Cassandra username too"
                            : "the Cassandra username " + username
                                    + " has no password: set the Cassandra password too");
        }
        if (truststorePassword != null && truststore == null) {
            throw new IllegalArgumentException(
                    "a Cassandra truststore password is set but no truststore: set the truststore location too");
        }
        ssl = ssl || truststore != null;
    }

    /** A role and its password, no TLS. */
    public static CassandraClientSecurity login(String username, String password) {
        return new CassandraClientSecurity(username, password, false, null, null);
    }

    public boolean authenticates() {
        return username != null;
    }

    /** The record's own toString would print the passwords. */
    @Override
    public String toString() {
        return "CassandraClientSecurity[username=" + username + ", password=" + (password == null ? null : "***")
                + ", ssl=" + ssl + ", truststore=" + truststore + ", truststorePassword="
                + (truststorePassword == null ? null : "***") + "]";
    }
}
