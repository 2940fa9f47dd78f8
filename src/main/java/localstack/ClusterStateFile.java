package localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code ./pipeline up} leaves behind so that {@code ./pipeline down} can find it: the pid of
 * the {@code up} process and of its servers. A file whose processes are all gone is stale and ignored.
 */
public record ClusterStateFile(
        long ownerPid,
        long kafkaPid,
        long cassandraPid,
        long sidecarPid,
        String kafkaBootstrapServers,
        String cassandraContactPoint) {

    public static Path location(Path workDir) {
        return workDir.resolve("run").resolve("cluster.properties");
    }

    public List<Long> serverPids() {
        return List.of(kafkaPid, cassandraPid, sidecarPid);
    }

    public boolean ownerAlive() {
        return ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false);
    }

    public void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("owner.pid", Long.toString(ownerPid));
        properties.setProperty("kafka.pid", Long.toString(kafkaPid));
        properties.setProperty("cassandra.pid", Long.toString(cassandraPid));
        properties.setProperty("sidecar.pid", Long.toString(sidecarPid));
        properties.setProperty("kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.setProperty("cassandra.contact-point", cassandraContactPoint);
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "written by ./pipeline up; removed when it stops");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<ClusterStateFile> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return Optional.of(new ClusterStateFile(
                    Long.parseLong(properties.getProperty("owner.pid", "-1")),
                    Long.parseLong(properties.getProperty("kafka.pid", "-1")),
                    Long.parseLong(properties.getProperty("cassandra.pid", "-1")),
                    Long.parseLong(properties.getProperty("sidecar.pid", "-1")),
                    properties.getProperty("kafka.bootstrap-servers", ""),
                    properties.getProperty("cassandra.contact-point", "")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
