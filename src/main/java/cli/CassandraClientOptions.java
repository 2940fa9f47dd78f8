package cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import adapters.cassandra.CassandraClientSecurity;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How the app's Cassandra session logs in (a role of {@code PasswordAuthenticator}) and whether it
 * speaks TLS. Secrets follow {@link SecretOption}. The sidecar reads the same
 * {@code PIPELINE_CASSANDRA_*} variables.
 */
final class CassandraClientOptions {

    static final SecretOption PASSWORD =
            new SecretOption("the Cassandra password", "--cassandra-password", SecretOption.Content.FIRST_LINE);
    static final SecretOption TRUSTSTORE_PASSWORD = new SecretOption(
            "the Cassandra truststore password",
            "--cassandra-ssl-truststore-password",
            SecretOption.Content.FIRST_LINE);

    @Option(
            names = "--cassandra-username",
            paramLabel = "ROLE",
            description = "Cassandra role to log in as (default: none, for a cluster without authentication).")
    String username;

    @Option(
            names = "--cassandra-password-file",
            paramLabel = "FILE",
            description = "File holding the role's password (or PIPELINE_CASSANDRA_PASSWORD_FILE; or the password"
                    + " in PIPELINE_CASSANDRA_PASSWORD).")
    Path passwordFile;

    @Option(
            names = "--cassandra-password",
            paramLabel = "PASSWORD",
            description = "Avoid: visible in ps. Use PIPELINE_CASSANDRA_PASSWORD or --cassandra-password-file.")
    String password;

    @Option(
            names = "--cassandra-ssl",
            description = "TLS to Cassandra's native port, the node's certificate checked against its host name.")
    boolean ssl;

    @Option(
            names = "--cassandra-ssl-truststore-location",
            paramLabel = "FILE",
            description =
                    "Truststore (JKS or PKCS12) with the nodes' CA; implies --cassandra-ssl (default: the JVM's).")
    Path truststore;

    @Option(
            names = "--cassandra-ssl-truststore-password-file",
            paramLabel = "FILE",
            description =
                    "File holding the truststore's password (or PIPELINE_CASSANDRA_SSL_TRUSTSTORE_PASSWORD[_FILE]).")
    Path truststorePasswordFile;

    @Option(
            names = "--cassandra-ssl-truststore-password",
            paramLabel = "PASSWORD",
            description = "Avoid: visible in ps. Use PIPELINE_CASSANDRA_SSL_TRUSTSTORE_PASSWORD or the -file option.")
    String truststorePassword;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** @throws IllegalArgumentException when a source is unusable or the settings do not fit together */
    CassandraClientSecurity resolve(PrintWriter err) {
        String role = username == null || username.isBlank() ? null : username.strip();
        return new CassandraClientSecurity(
                role,
                PASSWORD.resolve(command, password, passwordFile, err),
                ssl,
                truststore,
                TRUSTSTORE_PASSWORD.resolve(command, truststorePassword, truststorePasswordFile, err));
    }
}
