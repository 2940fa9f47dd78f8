package cli;

import java.nio.file.Path;

import embedded.ClusterSettings;
import picocli.CommandLine.Option;

/** Where the embedded cluster lives: shared by every command that starts or finds it. */
final class ClusterOptions {

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Data, logs and state of the local stack (default: <project>/work).")
    Path workDir;

    @Option(
            names = "--kafka-port",
            paramLabel = "PORT",
            defaultValue = "" + ClusterSettings.DEFAULT_KAFKA_PORT,
            description = "Kafka broker port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--kafka-controller-port",
            paramLabel = "PORT",
            defaultValue = "" + ClusterSettings.DEFAULT_KAFKA_CONTROLLER_PORT,
            description = "KRaft controller port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(
            names = "--cassandra-port",
            paramLabel = "PORT",
            defaultValue = "" + ClusterSettings.DEFAULT_CASSANDRA_PORT,
            description = "Cassandra CQL port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int cassandraPort;

    @Option(
            names = "--cassandra-storage-port",
            paramLabel = "PORT",
            defaultValue = "" + ClusterSettings.DEFAULT_CASSANDRA_STORAGE_PORT,
            description = "Cassandra internode storage port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int cassandraStoragePort;

    Path workDir(Path projectHome) {
        return workDir != null ? workDir.toAbsolutePath() : projectHome.resolve("work");
    }

    ClusterSettings settings(Path projectHome) {
        return new ClusterSettings(
                projectHome,
                workDir(projectHome),
                kafkaPort,
                kafkaControllerPort,
                cassandraPort,
                cassandraStoragePort,
                ClusterSettings.DEFAULT_START_TIMEOUT);
    }
}
