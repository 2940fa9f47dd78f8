package sidecar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the Cassandra connector logs in and whether it speaks TLS, read from the same
 * {@code PIPELINE_CASSANDRA_*} variables as the app ({@link SecurityEnvironment}); handed to Spark
 * as the connector's own settings ({@link #sparkConf()}), which {@code --conf} can still override.
 *
 * @param username           a role of Cassandra's {@code PasswordAuthenticator}; null for none
 * @param password           its password, set exactly when {@code username} is
 * @param ssl                TLS on the native protocol; implied by a truststore
 * @param truststore         path of the truststore with the nodes' CA (on every executor too); null
 *                           for the JVM's default
 * @param truststorePassword its password, if it has one
 */
public record CassandraSecurity(
        String username, String password, boolean ssl, String truststore, String truststorePassword) {

    public static final CassandraSecurity NONE = new CassandraSecurity(null, null, false, null, null);

    public CassandraSecurity {
        if ((username == null) != (password == null)) {
            // the password itself never goes into a message
            throw new IllegalArgumentException("the Cassandra username and password go together: set both "
                    + SecurityEnvironment.CASSANDRA_USERNAME + " and " + SecurityEnvironment.CASSANDRA_PASSWORD
                    + "[_FILE], or neither");
        }
        if (truststorePassword != null && truststore == null) {
            throw new IllegalArgumentException("a Cassandra truststore password is set but no truststore: set "
                    + SecurityEnvironment.CASSANDRA_TRUSTSTORE + " too");
        }
        ssl = ssl || truststore != null;
    }

    /** The connector's settings for these ({@code spark.cassandra.auth.*}, {@code spark.cassandra.connection.ssl.*}). */
    public Map<String, String> sparkConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        if (username != null) {
            conf.put("spark.cassandra.auth.username", username);
            conf.put("spark.cassandra.auth.password", password);
        }
        if (ssl) {
            conf.put("spark.cassandra.connection.ssl.enabled", "true");
        }
        if (truststore != null) {
            conf.put("spark.cassandra.connection.ssl.trustStore.path", truststore);
        }
        if (truststorePassword != null) {
            conf.put("spark.cassandra.connection.ssl.trustStore.password", truststorePassword);
        }
        return conf;
    }

    /** The record's own toString would print the passwords. */
    @Override
    public String toString() {
        return "CassandraSecurity[username=" + username + ", password=" + (password == null ? null : "***")
                + ", ssl=" + ssl + ", truststore=" + truststore + ", truststorePassword="
                + (truststorePassword == null ? null : "***") + "]";
    }
}
