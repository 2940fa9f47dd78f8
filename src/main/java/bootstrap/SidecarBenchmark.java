package bootstrap;

import static bootstrap.BenchOutput.progress;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import adapters.cassandra.CassandraUsers;
import adapters.kafka.KafkaAdapter;
import adapters.kafka.KafkaSettings;
import adapters.kafka.KafkaUserPublisher;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.event.UserFetched;
import domain.user.User;
import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import embedded.SparkSidecar;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sidecar's write path: users/s from {@code users_created} to Cassandra (until every id is
 * announced on {@code users_persisted}), beside the raw driver's async prepared-insert rate into a
 * table of the same shape, with the same rows, measured in the same run on the same servers.
 */
@Command(name = "sidecar", mixinStandardHelpOptions = true,
        description = {"Measure the Spark sidecar: users/s from users_created to Cassandra (all ids announced on",
                "users_persisted), beside the Cassandra driver's own async insert rate. Prints figures."})
final class SidecarBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--users", defaultValue = "100000", description = "Users per measured round (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--warm-up", defaultValue = "20000",
            description = "Users sent through each path first, unmeasured, to warm the JIT (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--rounds", defaultValue = "1", description = "Measured rounds of each path (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--raw-in-flight", defaultValue = "256",
            description = "Concurrent async inserts of the driver-only baseline (default: ${DEFAULT-VALUE}).")
    int rawInFlight;

    @Option(names = "--spark-env", paramLabel = "NAME=VALUE",
            description = "Extra sidecar setting, repeatable: a PIPELINE_SPARK_* variable or a spark.* property, e.g. PIPELINE_SPARK_MAX_OFFSETS_PER_TRIGGER=20000, spark.cassandra.output.batch.size.rows=64.")
    Map<String, String> sparkEnv = Map.of();

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the benchmark's stack keeps its data (default: <project>/work/bench-sidecar, wiped first).")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Pipeline.projectHome();
        Path work = BenchOutput.freshWorkDir(workDir, home, "bench-sidecar");
        // the sidecar's tuning (--spark-env) goes to its launch; it writes spark_streams, the baseline bench_raw
        try (LocalStack stack = LocalStack.start(home, ClusterSettings.onFreePorts(home, work), true, sparkEnv,
                line -> progress(out, line))) {
            EmbeddedCluster cluster = stack.cluster();
            SparkSidecar sidecar = stack.sidecar().orElseThrow();
            CassandraUsers.connect(stack.cassandra().withKeyspace("bench_raw")).close();
            KafkaSettings kafka = KafkaSettings.defaults(cluster.kafkaBootstrapServers());

            List<User> profiles = RawBaselines.realProfiles();
            progress(out, String.format("%,d real profiles from the loopback source; each round sends them with fresh ids",
                    profiles.size()));

            List<Double> rawRates = new ArrayList<>();
            List<Double> sidecarRates = new ArrayList<>();
            try (CqlSession cql = CqlSession.builder().addContactPoint(cluster.cassandraContactPoint())
                    .withLocalDatacenter(cluster.cassandraDatacenter()).build();
                 KafkaUserPublisher publisher = KafkaAdapter.userPublisher(kafka);
                 PersistedWatcher watcher = new PersistedWatcher(cluster.kafkaBootstrapServers(), kafka.topics().usersPersisted())) {
                PreparedStatement insert = RawBaselines.prepareInsert(cql, "bench_raw");
                Map<String, Long> rawPids = Map.of("cassandra", cluster.cassandraPid(), "driver", ProcessHandle.current().pid());
                Map<String, Long> pids = new java.util.LinkedHashMap<>();
                pids.put("cassandra", cluster.cassandraPid());
                pids.put("kafka", cluster.kafkaPid());
                pids.put("sidecar", sidecar.pid());
                pids.put("publisher", ProcessHandle.current().pid());

                progress(out, String.format("warm-up: %,d users through each path", warmUp));
                RawBaselines.driverInsertRate(cql, insert, RawBaselines.batchOf(profiles, warmUp), rawInFlight);
                throughSidecar(publisher, watcher, sidecar, RawBaselines.batchOf(profiles, warmUp), pids, out);
                // alternating rounds: both paths see the same Cassandra warm-up, compactions and noise
                for (int round = 1; round <= rounds; round++) {
                    CpuUse before = CpuUse.now(rawPids);
                    double raw = RawBaselines.driverInsertRate(cql, insert, RawBaselines.batchOf(profiles, users), rawInFlight);
                    rawRates.add(raw);
                    progress(out, String.format("round %d, raw driver: %,.0f rows/s; CPU: %s", round, raw,
                            CpuUse.now(rawPids).since(before, users / raw, users)));
                    double rate = throughSidecar(publisher, watcher, sidecar, RawBaselines.batchOf(profiles, users), pids, out);
                    sidecarRates.add(rate);
                    progress(out, String.format("round %d, sidecar: %,.0f users/s", round, rate));
                }
            }

            double raw = median(rawRates);
            double sidecarRate = median(sidecarRates);
            out.println();
            out.printf("Sidecar benchmark: %,d users per round, %d round(s) after a %,d-user warm-up, %d cores, Java %s%n",
                    users, rounds, warmUp, Runtime.getRuntime().availableProcessors(), Runtime.version());
            out.printf("Sidecar settings: %s%n", sparkEnv.isEmpty() ? "defaults" : sparkEnv);
            out.printf("| path | rate (median) | rounds |%n|---|---:|---|%n");
            out.printf("| Cassandra driver alone, async prepared inserts into created_users (%d in flight) | %,.0f rows/s | %s |%n",
                    rawInFlight, raw, format(rawRates));
            out.printf("| sidecar: users_created -> created_users + users_by_run -> users_persisted | %,.0f users/s | %s |%n",
                    sidecarRate, format(sidecarRates));
            out.printf("The sidecar reaches %.0f%% of the raw driver rate measured in this run. It writes two rows per user"
                    + " (created_users and users_by_run): %,.0f Cassandra rows/s, %.0f%% of the raw rows/s.%n",
                    100 * sidecarRate / raw, 2 * sidecarRate, 100 * 2 * sidecarRate / raw);
            out.flush();
        }
        return 0;
    }

    /** Publishes the users and waits until every one of them is announced as persisted; users/s. */
    private static double throughSidecar(KafkaUserPublisher publisher, PersistedWatcher watcher, SparkSidecar sidecar,
                                         List<UserFetched> batch, Map<String, Long> pids, PrintWriter out) {
        UUID run = batch.get(0).runId().value();
        CpuUse cpuBefore = CpuUse.now(pids);
        long begin = System.nanoTime();
        publisher.publish(batch);
        double published = (System.nanoTime() - begin) / 1e9;
        long lastReport = System.nanoTime();
        while (watcher.announced(run) < batch.size()) {
            if (!sidecar.isAlive()) {
                throw new IllegalStateException("the sidecar exited; see " + sidecar.logFile());
            }
            watcher.poll();
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                progress(out, String.format("%.0f s: %,d of %,d persisted", (System.nanoTime() - begin) / 1e9,
                        watcher.announced(run), batch.size()));
                lastReport = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        progress(out, String.format("%,d users published in %.1f s, all persisted after %.1f s", batch.size(),
                published, seconds));
        progress(out, "CPU: " + CpuUse.now(pids).since(cpuBefore, seconds, batch.size()));
        return batch.size() / seconds;
    }

    /** Follows users_persisted from its end at creation and counts the distinct ids announced per run. */
    private static final class PersistedWatcher implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<UUID, Set<String>> idsByRun = new java.util.HashMap<>();

        PersistedWatcher(String bootstrapServers, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is published
        }

        void poll() {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                try {
                    JsonNode message = JSON.readTree(record.value());
                    Set<String> ids = idsByRun.computeIfAbsent(UUID.fromString(message.get("run_id").asText()),
                            r -> new HashSet<>());
                    message.get("user_ids").forEach(id -> ids.add(id.asText()));
                } catch (java.io.IOException | RuntimeException e) {
                    throw new IllegalStateException("unreadable users_persisted message: "
                            + new String(record.value(), StandardCharsets.UTF_8), e);
                }
            }
        }

        long announced(UUID run) {
            return idsByRun.getOrDefault(run, Set.of()).size();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static double median(List<Double> values) {
        return Percentiles.nearestRank(values, 50);
    }

    private static String format(List<Double> rates) {
        return String.join(", ", rates.stream().map(r -> String.format("%,.0f", r)).toList());
    }
}
