package embedded;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the embedded cluster keeps its data and which loopback ports it binds. A port of 0 means
 * "any free port", which is what tests use so that they never collide with a running stack.
 *
 * @param projectHome  the project checkout: holds {@code mvnw} and {@code servers/*}/pom.xml
 * @param workDir      data, logs and generated configuration of every server
 * @param startTimeout how long each server may take to become ready
 * @param credentials  the user both servers demand ({@link ServerCredentials}); {@code null}, the
 *                     default, for no authentication
 */
public record ClusterSettings(
        Path projectHome,
        Path workDir,
        int kafkaPort,
        int kafkaControllerPort,
        int cassandraPort,
        int cassandraStoragePort,
        Duration startTimeout,
        ServerCredentials credentials) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_CASSANDRA_PORT = 9042;
    public static final int DEFAULT_CASSANDRA_STORAGE_PORT = 7000;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

    public ClusterSettings {
        projectHome = projectHome.toAbsolutePath().normalize();
        workDir = workDir.toAbsolutePath().normalize();
        for (int port : new int[] {kafkaPort, kafkaControllerPort, cassandraPort, cassandraStoragePort}) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range 0-65535: " + port);
            }
        }
    }

    /** Without authentication, as {@code ./pipeline up} runs. */
    public ClusterSettings(
            Path projectHome,
            Path workDir,
            int kafkaPort,
            int kafkaControllerPort,
            int cassandraPort,
            int cassandraStoragePort,
            Duration startTimeout) {
        this(
                projectHome,
                workDir,
                kafkaPort,
                kafkaControllerPort,
                cassandraPort,
                cassandraStoragePort,
                startTimeout,
                null);
    }

    /**
     * Kafka with only a SASL/PLAIN client listener and Cassandra with {@code PasswordAuthenticator},
     * both demanding {@code value}.
     */
    public ClusterSettings withCredentials(ServerCredentials value) {
        return new ClusterSettings(
                projectHome,
                workDir,
                kafkaPort,
                kafkaControllerPort,
                cassandraPort,
                cassandraStoragePort,
                startTimeout,
                value);
    }

    /** The well-known ports, data under {@code <project>/work}: what {@code ./pipeline up} uses. */
    public static ClusterSettings defaults(Path projectHome) {
        return new ClusterSettings(
                projectHome,
                projectHome.resolve("work"),
                DEFAULT_KAFKA_PORT,
                DEFAULT_KAFKA_CONTROLLER_PORT,
                DEFAULT_CASSANDRA_PORT,
                DEFAULT_CASSANDRA_STORAGE_PORT,
                DEFAULT_START_TIMEOUT);
    }

    /** Free ports everywhere: for tests and for running beside another stack. */
    public static ClusterSettings onFreePorts(Path projectHome, Path workDir) {
        return new ClusterSettings(projectHome, workDir, 0, 0, 0, 0, DEFAULT_START_TIMEOUT);
    }
}
