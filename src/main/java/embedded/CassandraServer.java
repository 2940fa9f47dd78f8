package embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;

/** A single-node Cassandra under {@code <work>/cassandra}. */
final class CassandraServer {

    static final String NAME = "Cassandra";
    static final String VERSION = "5.0.6";
    static final String DATACENTER = "datacenter1";
    /** The superuser PasswordAuthenticator creates, its password its name. */
    private static final String DEFAULT_SUPERUSER = "cassandra";
    /** Cassandra 5.0 runs on Java 11 and 17 only. */
    static final List<Integer> SUPPORTED_JAVA = List.of(11, 17);

    private final Path home;
    private final int port;
    private final int storagePort;
    /** null: anyone may connect; else PasswordAuthenticator, with a role for these. */
    private final ServerCredentials credentials;

    CassandraServer(Path workDir, int port, int storagePort, ServerCredentials credentials) {
        this.home = workDir.resolve("cassandra");
        this.port = port;
        this.storagePort = storagePort;
        this.credentials = credentials;
    }

    InetSocketAddress contactPoint() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    ServerProcess start(Path java, String classpath, Path watchdog) {
        Path logsDir = home.resolve("logs");
        Path config = home.resolve("config");
        Path yaml = config.resolve("cassandra.yaml");
        Templates.write(
                yaml,
                Templates.render(
                        Templates.resource("cassandra/cassandra.yaml"),
                        Map.of(
                                "DATA_DIR",
                                home.resolve("data").toString(),
                                "NATIVE_PORT",
                                Integer.toString(port),
                                "STORAGE_PORT",
                                Integer.toString(storagePort),
                                "CLUSTER_NAME",
                                "pipeline",
                                "AUTHENTICATOR",
                                credentials == null ? "AllowAllAuthenticator" : "PasswordAuthenticator")));
        Path logback = config.resolve("logback.xml");
        Templates.write(logback, Templates.resource("cassandra/logback.xml"));

        List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx512m"));
        jvm.addAll(Templates.jvmOptions("cassandra/jvm17-server.options"));
        jvm.add("-Dcassandra.config=" + yaml.toUri());
        jvm.add("-Dcassandra.logdir=" + logsDir);
        jvm.add("-Dcassandra.storagedir=" + home.resolve("data"));
        jvm.add("-Dcassandra.triggers_dir=" + createDirectory(home.resolve("triggers")));
        jvm.add("-Dlogback.configurationFile=" + logback);
        if (credentials != null) {
            // the default superuser is created 10 s after start by default: ready sooner
            jvm.add("-Dcassandra.superuser_setup_delay_ms=0");
        }
        return ServerProcess.start(
                NAME,
                java,
                jvm,
                classpath,
                watchdog,
                "org.apache.cassandra.service.CassandraDaemon",
                List.of(),
                logsDir.resolve("console.log"),
                logsDir.resolve("system.log"));
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw EmbeddedClusterException.io("cannot create " + dir, e);
        }
    }

    /**
     * Ready means a real CQL query answers, not merely an open port; with credentials, also that
     * their role exists (created as the default superuser {@code cassandra}, once it exists).
     */
    void probe() {
        if (!Ports.isAccepting(port)) {
            throw new IllegalStateException("port " + port + " not open yet");
        }
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .build();
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoint(contactPoint())
                .withLocalDatacenter(DATACENTER)
                .withConfigLoader(config);
        if (credentials != null) {
            builder.withAuthCredentials(DEFAULT_SUPERUSER, DEFAULT_SUPERUSER);
        }
        try (CqlSession session = builder.build()) {
            Row row =
                    session.execute("SELECT release_version FROM system.local").one();
            if (row == null || row.getString("release_version") == null) {
                throw new IllegalStateException("system.local has no release_version yet");
            }
            if (credentials != null && !credentials.username().equals(DEFAULT_SUPERUSER)) {
                session.execute("CREATE ROLE IF NOT EXISTS \"" + credentials.username() + "\" WITH PASSWORD = '"
                        + credentials.password() + "' AND LOGIN = true");
            }
        }
    }
}
