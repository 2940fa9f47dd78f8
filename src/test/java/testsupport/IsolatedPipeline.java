package testsupport;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import adapters.cassandra.CassandraSettings;
import adapters.kafka.KafkaSettings;
import bootstrap.AppSettings;
import com.datastax.oss.driver.api.core.CqlSession;
import embedded.EmbeddedCluster;
import embedded.SparkSidecar;

/**
 * One test's own pipeline on the {@link SharedCluster}: its own topics (a prefix), keyspace and work
 * dir, so that tests sharing one Kafka and one Cassandra never see each other's users. It hands out
 * the app's settings and the sidecar's configuration on them, and reads the keyspace back.
 *
 * @param name   what the test is, e.g. {@code e2e}: the start of the prefix, keyspace and work dir
 * @param suffix 8 random hex digits that make this instance's names its own
 */
public record IsolatedPipeline(EmbeddedCluster cluster, String name, String suffix) {

    public static IsolatedPipeline on(EmbeddedCluster cluster, String name) {
        return new IsolatedPipeline(cluster, name, UUID.randomUUID().toString().substring(0, 8));
    }

    public String topicPrefix() {
        return name + "_" + suffix + "_";
    }

    public String keyspace() {
        return name + "_" + suffix;
    }

    public Path workDir() {
        return ItWorkDir.named("pipeline-" + name + "-" + suffix);
    }

    /** An in-process app (H2 event store under the work dir, any free HTTP port) reading from {@code source}. */
    public AppSettings appSettings(URI source) {
        AppSettings local = AppSettings.local(workDir(), cluster.kafkaBootstrapServers(), source, 0);
        return local.withKafka(local.kafka().withTopics(KafkaSettings.Topics.prefixed(topicPrefix())))
                .withCassandra(
                        CassandraSettings.defaults("127.0.0.1:" + cassandra().getPort())
                                .withLocalDatacenter(cluster.cassandraDatacenter())
                                .withKeyspace(keyspace()));
    }

    /** The sidecar on the same topics and keyspace, its checkpoint under the work dir. */
    public SparkSidecar.Config sidecarConfig() {
        return new SparkSidecar.Config(
                cluster.kafkaBootstrapServers(),
                cassandra().getHostString(),
                cassandra().getPort(),
                keyspace(),
                cluster.cassandraDatacenter(),
                topicPrefix(),
                workDir().resolve("sidecar"));
    }

    public CqlSession cql() {
        return CqlSession.builder()
                .addContactPoint(cassandra())
                .withLocalDatacenter(cluster.cassandraDatacenter())
                .build();
    }

    /** Every row of this pipeline's created_users (the keyspace is its own, so every user it stored). */
    public long countRows(CqlSession cql) {
        return cql.execute("SELECT count(*) FROM " + keyspace() + ".created_users")
                .one()
                .getLong(0);
    }

    private InetSocketAddress cassandra() {
        return cluster.cassandraContactPoint();
    }
}
