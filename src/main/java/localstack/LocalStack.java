package localstack;

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
import embedded.RestartPolicy;
import embedded.SparkSidecar;

/**
 * The embedded default's servers, in start order: Kafka and Cassandra side by side, then the
 * project's Cassandra schema and Kafka topics, then (optionally) the Spark sidecar on them. Each
 * server is supervised: one that dies is restarted on its own ports and data while the others stay
 * up ({@link RestartPolicy}); {@link #failure()} says why once a supervisor gave up. Closing stops
 * them in reverse order, without restarts: the sidecar first, so it finishes its micro-batch while
 * Kafka and Cassandra are still there.
 */
public final class LocalStack implements AutoCloseable {

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
    public static LocalStack start(
            Path projectHome,
            ClusterSettings settings,
            boolean withSidecar,
            Map<String, String> sidecarTuning,
            Consumer<String> progress) {
        return start(projectHome, settings, withSidecar, sidecarTuning, RestartPolicy.DEFAULT, progress);
    }

    /** As above, every server supervised with {@code restarts}; {@code progress} also gets one line per restart. */
    public static LocalStack start(
            Path projectHome,
            ClusterSettings settings,
            boolean withSidecar,
            Map<String, String> sidecarTuning,
            RestartPolicy restarts,
            Consumer<String> progress) {
        EmbeddedCluster cluster = EmbeddedCluster.start(settings, restarts, progress);
        try {
            CassandraSettings cassandra = CassandraSettings.defaults(
                            "127.0.0.1:" + cluster.cassandraContactPoint().getPort())
                    .withLocalDatacenter(cluster.cassandraDatacenter());
            CassandraUsers.connect(cassandra).close();
            progress.accept("Cassandra schema of " + cassandra.keyspace() + " is up to date");
            KafkaAdapter.ensureTopics(KafkaSettings.defaults(cluster.kafkaBootstrapServers()));
            SparkSidecar sidecar = null;
            if (withSidecar) {
                SparkSidecar.Config config = new SparkSidecar.Config(
                        cluster.kafkaBootstrapServers(),
                        "127.0.0.1",
                        cluster.cassandraContactPoint().getPort(),
                        cassandra.keyspace(),
                        cluster.cassandraDatacenter(),
                        "",
                        settings.workDir().resolve("sidecar"),
                        sidecarTuning);
                sidecar = SparkSidecar.start(projectHome, config, settings.startTimeout(), restarts, progress);
            }
            return new LocalStack(cluster, sidecar, cassandra);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public EmbeddedCluster cluster() {
        return cluster;
    }

    public Optional<SparkSidecar> sidecar() {
        return Optional.ofNullable(sidecar);
    }

    public CassandraSettings cassandra() {
        return cassandra;
    }

    public String cassandraContactPoint() {
        return "127.0.0.1:" + cluster.cassandraContactPoint().getPort();
    }

    /** Every server up, or down and being restarted by its supervisor. */
    public boolean isRunning() {
        return cluster.isRunning() && (sidecar == null || sidecar.isRunning());
    }

    /** Why the stack is down for good: the reason of the first server whose supervisor gave up. */
    public Optional<String> failure() {
        return cluster.failure().or(() -> sidecar == null ? Optional.empty() : sidecar.failure());
    }

    /** Runs {@code listener} after each restart of any server, e.g. to record its new pid. */
    public void onRestart(Runnable listener) {
        cluster.onRestart(listener);
        if (sidecar != null) {
            sidecar.onRestart(listener);
        }
    }

    /** What {@code ./pipeline down} and {@code ./pipeline cqlsh} need to find this stack. */
    public ClusterStateFile stateFile() {
        return new ClusterStateFile(
                ProcessHandle.current().pid(),
                cluster.kafkaPid(),
                cluster.cassandraPid(),
                sidecar == null ? -1 : sidecar.pid(),
                cluster.kafkaBootstrapServers(),
                cassandraContactPoint());
    }

    @Override
    public void close() {
        if (sidecar != null) {
            sidecar.close();
        }
        cluster.close();
    }
}
