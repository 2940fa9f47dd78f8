package bench;

import static bench.BenchOutput.progress;
import static bench.BenchStatistics.median;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import adapters.cassandra.CassandraUsers;
import adapters.kafka.KafkaAdapter;
import adapters.kafka.KafkaSettings;
import adapters.kafka.KafkaUserPublisher;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import domain.user.User;
import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import embedded.SparkSidecar;
import localstack.LocalStack;
import localstack.ProjectHome;

/**
 * The sidecar's write path, from {@code users_created} to Cassandra until every id is announced on
 * {@code users_persisted}. Each round starts a fresh sidecar JVM on users already waiting in Kafka,
 * then sends as many again through the same, warm JVM ({@link SidecarRounds}); beside them, the raw
 * driver's async prepared-insert rate into a table of the same shape, same rows, same servers. The
 * figures that matter on a shared 2-core machine are the sidecar's own CPU per user and the time to
 * its first committed micro-batch; users/s moves with whatever else runs.
 */
public final class SidecarBenchmark {

    /**
     * What {@code ./pipeline bench sidecar} measures; its options, one to one.
     *
     * @param sparkEnv extra sidecar settings: {@code PIPELINE_SPARK_*} variables or {@code spark.*} properties
     * @param workDir  where the benchmark's stack keeps its data, wiped first; null for
     *                 {@code <project>/work/bench-sidecar}
     */
    public record Settings(
            int users, int warmUp, int rounds, int rawInFlight, Map<String, String> sparkEnv, Path workDir) {}

    private static final Duration SIDECAR_START_TIMEOUT = Duration.ofMinutes(3);

    private final Settings settings;

    public SidecarBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Runs the benchmark and prints its figures on {@code out}. */
    public void run(PrintWriter out) throws Exception {
        Path home = ProjectHome.path();
        Path work = BenchOutput.freshWorkDir(settings.workDir(), home, "bench-sidecar");
        // the sidecar is started by each round, so that each round has a fresh JVM
        try (LocalStack stack = LocalStack.start(
                home, ClusterSettings.onFreePorts(home, work), false, Map.of(), line -> progress(out, line))) {
            EmbeddedCluster cluster = stack.cluster();
            CassandraUsers.connect(stack.cassandra().withKeyspace("bench_raw")).close();
            KafkaSettings kafka = KafkaSettings.defaults(cluster.kafkaBootstrapServers());
            // the sidecar's tuning (--spark-env) goes to its launch; it writes spark_streams, the baseline bench_raw
            SparkSidecar.Config config = new SparkSidecar.Config(
                    cluster.kafkaBootstrapServers(),
                    "127.0.0.1",
                    cluster.cassandraContactPoint().getPort(),
                    stack.cassandra().keyspace(),
                    cluster.cassandraDatacenter(),
                    "",
                    work.resolve("sidecar"),
                    settings.sparkEnv());

            List<User> profiles = RawBaselines.realProfiles();
            progress(
                    out,
                    String.format(
                            "%,d real profiles from the loopback source; each round sends them with fresh ids",
                            profiles.size()));

            List<Double> rawRates = new ArrayList<>();
            List<SidecarRounds.Round> rounds = new ArrayList<>();
            try (CqlSession cql = CqlSession.builder()
                            .addContactPoint(cluster.cassandraContactPoint())
                            .withLocalDatacenter(cluster.cassandraDatacenter())
                            .build();
                    KafkaUserPublisher publisher = KafkaAdapter.userPublisher(kafka);
                    PersistedWatcher watcher = new PersistedWatcher(
                            cluster.kafkaBootstrapServers(), kafka.topics().usersPersisted())) {
                PreparedStatement insert = RawBaselines.prepareInsert(cql, "bench_raw");
                SidecarRounds sidecar = new SidecarRounds(
                        home, config, SIDECAR_START_TIMEOUT, publisher, watcher, profiles, cluster.cassandraPid(), out);

                progress(out, String.format("warm-up: %,d users through each path", settings.warmUp()));
                RawBaselines.driverInsertRate(
                        cql, insert, RawBaselines.batchOf(profiles, settings.warmUp()), settings.rawInFlight());
                sidecar.run(settings.warmUp());
                // alternating rounds: both paths see the same Cassandra warm-up, compactions and noise
                for (int round = 1; round <= settings.rounds(); round++) {
                    double raw = RawBaselines.driverInsertRate(
                            cql, insert, RawBaselines.batchOf(profiles, settings.users()), settings.rawInFlight());
                    rawRates.add(raw);
                    progress(out, String.format("round %d, raw driver: %,.0f rows/s", round, raw));
                    rounds.add(sidecar.run(settings.users()));
                }
            }
            report(out, rawRates, rounds);
        }
    }

    private void report(PrintWriter out, List<Double> rawRates, List<SidecarRounds.Round> rounds) {
        out.println();
        out.printf(
                "Sidecar benchmark: %,d users per drain, %d round(s) after a %,d-user warm-up, %d cores, Java %s%n",
                settings.users(),
                settings.rounds(),
                settings.warmUp(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        out.printf("Sidecar settings: %s%n", settings.sparkEnv().isEmpty() ? "defaults" : settings.sparkEnv());
        out.printf("| figure | median | rounds |%n|---|---:|---|%n");
        List<SidecarDrain> fresh =
                rounds.stream().map(SidecarRounds.Round::fresh).toList();
        List<SidecarDrain> warm = rounds.stream().map(SidecarRounds.Round::warm).toList();
        row(out, "fresh JVM: sidecar CPU per user, start-up included (µs)", fresh, SidecarDrain::sidecarMicrosPerUser);
        row(out, "warm JVM: sidecar CPU per user (µs)", warm, SidecarDrain::sidecarMicrosPerUser);
        row(out, "fresh JVM: launch to first micro-batch committed (s)", fresh, SidecarDrain::firstBatch);
        row(out, "warm JVM: first publish to first micro-batch committed (s)", warm, SidecarDrain::firstBatch);
        row(out, "fresh JVM: users/s, launch to last id announced", fresh, SidecarDrain::usersPerSecond);
        row(out, "fresh JVM: users/s, query start to last id announced", fresh, SidecarDrain::usersPerSecondAfterStart);
        row(out, "warm JVM: users/s, first publish to last id announced", warm, SidecarDrain::usersPerSecond);
        row(out, "fresh JVM: Cassandra CPU per user (µs)", fresh, SidecarDrain::cassandraMicrosPerUser);
        row(out, "warm JVM: Cassandra CPU per user (µs)", warm, SidecarDrain::cassandraMicrosPerUser);
        out.printf(
                "| raw driver: async prepared inserts into created_users (%d in flight), rows/s | %,.0f | %s |%n",
                settings.rawInFlight(), median(rawRates), format(rawRates));
        out.flush();
    }

    private static void row(
            PrintWriter out, String figure, List<SidecarDrain> drains, ToDoubleFunction<SidecarDrain> value) {
        List<Double> values = drains.stream().mapToDouble(value).boxed().toList();
        out.printf("| %s | %s | %s |%n", figure, number(median(values)), format(values));
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(SidecarBenchmark::number).toList());
    }

    /** Whole numbers from 10 (µs, users/s), two decimals below (seconds). */
    private static String number(double value) {
        return value >= 10 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
