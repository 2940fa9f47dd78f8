package bootstrap;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import adapters.cassandra.CassandraSettings;
import adapters.cassandra.CassandraUsers;
import adapters.kafka.KafkaAdapter;
import adapters.kafka.KafkaSettings;
import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import embedded.SparkSidecar;

/**
 * The embedded default's servers, in start order: Kafka and Cassandra side by side, then the
 * project's Cassandra schema and Kafka topics, then (optionally) the Spark sidecar on them.
 * Closing stops them in reverse order: the sidecar first, so it finishes its micro-batch while
 * Kafka and Cassandra are still there.
 */
final class LocalStack implements AutoCloseable {

    private final EmbeddedCluster cluster;
    private final SparkSidecar sidecar;
    private final CassandraSettings cassandra;

    private LocalStack(EmbeddedCluster cluster, SparkSidecar sidecar, CassandraSettings cassandra) {
        this.cluster = cluster;
        this.sidecar = sidecar;
        this.cassandra = cassandra;
    }

    /**
     * @param sidecarTuning extra sidecar settings (see {@link SparkSidecar.Config}); empty when
     *                      {@code withSidecar} is false
     */
    static LocalStack start(Path projectHome, ClusterSettings settings, boolean withSidecar,
                            Map<String, String> sidecarTuning, Consumer<String> progress) {
        EmbeddedCluster cluster = EmbeddedCluster.start(settings, progress);
        try {
            CassandraSettings cassandra = CassandraSettings.defaults("127.0.0.1:" + cluster.cassandraContactPoint().getPort())
                    .withLocalDatacenter(cluster.cassandraDatacenter());
            CassandraUsers.connect(cassandra).close();
            progress.accept("Cassandra schema of " + cassandra.keyspace() + " is up to date");
            KafkaAdapter.ensureTopics(KafkaSettings.defaults(cluster.kafkaBootstrapServers()));
            SparkSidecar sidecar = null;
            if (withSidecar) {
                SparkSidecar.Config config = new SparkSidecar.Config(cluster.kafkaBootstrapServers(), "127.0.0.1",
                        cluster.cassandraContactPoint().getPort(), cassandra.keyspace(), cluster.cassandraDatacenter(),
                        "", settings.workDir().resolve("sidecar"), sidecarTuning);
                sidecar = SparkSidecar.start(projectHome, config, settings.startTimeout(), progress);
            }
            return new LocalStack(cluster, sidecar, cassandra);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    EmbeddedCluster cluster() {
        return cluster;
    }

    Optional<SparkSidecar> sidecar() {
        return Optional.ofNullable(sidecar);
    }

    CassandraSettings cassandra() {
        return cassandra;
    }

    String cassandraContactPoint() {
        return "127.0.0.1:" + cluster.cassandraContactPoint().getPort();
    }

    boolean isRunning() {
        return cluster.isRunning() && (sidecar == null || sidecar.isAlive());
    }

    /** What {@code ./pipeline down} and {@code ./pipeline cqlsh} need to find this stack. */
    ClusterStateFile stateFile() {
        return new ClusterStateFile(ProcessHandle.current().pid(), cluster.kafkaPid(), cluster.cassandraPid(),
                sidecar == null ? -1 : sidecar.pid(), cluster.kafkaBootstrapServers(), cassandraContactPoint());
    }

    @Override
    public void close() {
        if (sidecar != null) {
            sidecar.close();
        }
        cluster.close();
    }
}
