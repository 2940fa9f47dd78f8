package bench;

import static bench.BenchOutput.progress;
import static bench.BenchStatistics.median;

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
import json.PipelineJson;
import localstack.LocalStack;
import localstack.ProjectHome;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The sidecar's write path: users/s from {@code users_created} to Cassandra (until every id is
 * announced on {@code users_persisted}), beside the raw driver's async prepared-insert rate into a
 * table of the same shape, with the same rows, measured in the same run on the same servers.
 */
public final class SidecarBenchmark {

    private static final ObjectMapper JSON = PipelineJson.mapper();

    /**
     * What {@code ./pipeline bench sidecar} measures; its options, one to one.
     *
     * @param sparkEnv extra sidecar settings: {@code PIPELINE_SPARK_*} variables or {@code spark.*} properties
     * @param workDir  where the benchmark's stack keeps its data, wiped first; null for
     *                 {@code <project>/work/bench-sidecar}
     */
    public record Settings(
            int users, int warmUp, int rounds, int rawInFlight, Map<String, String> sparkEnv, Path workDir) {}

    private final int users;
    private final int warmUp;
    private final int rounds;
    private final int rawInFlight;
    private final Map<String, String> sparkEnv;
    private final Path workDir;

    public SidecarBenchmark(Settings settings) {
        this.users = settings.users();
        this.warmUp = settings.warmUp();
        this.rounds = settings.rounds();
        this.rawInFlight = settings.rawInFlight();
        this.sparkEnv = settings.sparkEnv();
        this.workDir = settings.workDir();
    }

    /** Runs the benchmark and prints its figures on {@code out}. */
    public void run(PrintWriter out) throws Exception {
        Path home = ProjectHome.path();
        Path work = BenchOutput.freshWorkDir(workDir, home, "bench-sidecar");
        // the sidecar's tuning (--spark-env) goes to its launch; it writes spark_streams, the baseline bench_raw
        try (LocalStack stack = LocalStack.start(
                home, ClusterSettings.onFreePorts(home, work), true, sparkEnv, line -> progress(out, line))) {
            EmbeddedCluster cluster = stack.cluster();
            SparkSidecar sidecar = stack.sidecar().orElseThrow();
            CassandraUsers.connect(stack.cassandra().withKeyspace("bench_raw")).close();
            KafkaSettings kafka = KafkaSettings.defaults(cluster.kafkaBootstrapServers());

            List<User> profiles = RawBaselines.realProfiles();
            progress(
                    out,
                    String.format(
                            "%,d real profiles from the loopback source; each round sends them with fresh ids",
                            profiles.size()));

            List<Double> rawRates = new ArrayList<>();
            List<Double> sidecarRates = new ArrayList<>();
            try (CqlSession cql = CqlSession.builder()
                            .addContactPoint(cluster.cassandraContactPoint())
                            .withLocalDatacenter(cluster.cassandraDatacenter())
                            .build();
                    KafkaUserPublisher publisher = KafkaAdapter.userPublisher(kafka);
                    PersistedWatcher watcher = new PersistedWatcher(
                            cluster.kafkaBootstrapServers(), kafka.topics().usersPersisted())) {
                PreparedStatement insert = RawBaselines.prepareInsert(cql, "bench_raw");
                Map<String, Long> rawPids = Map.of(
                        "cassandra",
                        cluster.cassandraPid(),
                        "driver",
                        ProcessHandle.current().pid());
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
                    double raw = RawBaselines.driverInsertRate(
                            cql, insert, RawBaselines.batchOf(profiles, users), rawInFlight);
                    rawRates.add(raw);
                    progress(
                            out,
                            String.format(
                                    "round %d, raw driver: %,.0f rows/s; CPU: %s",
                                    round, raw, CpuUse.now(rawPids).since(before, users / raw, users)));
                    double rate = throughSidecar(
                            publisher, watcher, sidecar, RawBaselines.batchOf(profiles, users), pids, out);
                    sidecarRates.add(rate);
                    progress(out, String.format("round %d, sidecar: %,.0f users/s", round, rate));
                }
            }

            double raw = median(rawRates);
            double sidecarRate = median(sidecarRates);
            out.println();
            out.printf(
                    "Sidecar benchmark: %,d users per round, %d round(s) after a %,d-user warm-up, %d cores, Java %s%n",
                    users, rounds, warmUp, Runtime.getRuntime().availableProcessors(), Runtime.version());
            out.printf("Sidecar settings: %s%n", sparkEnv.isEmpty() ? "defaults" : sparkEnv);
            out.printf("| path | rate (median) | rounds |%n|---|---:|---|%n");
            out.printf(
                    "| Cassandra driver alone, async prepared inserts into created_users (%d in flight) | %,.0f rows/s | %s |%n",
                    rawInFlight, raw, format(rawRates));
            out.printf(
                    "| sidecar: users_created -> created_users + users_by_run -> users_persisted | %,.0f users/s | %s |%n",
                    sidecarRate, format(sidecarRates));
            out.printf(
                    "The sidecar reaches %.0f%% of the raw driver rate measured in this run. It writes two rows per user"
                            + " (created_users and users_by_run): %,.0f Cassandra rows/s, %.0f%% of the raw rows/s.%n",
                    100 * sidecarRate / raw, 2 * sidecarRate, 100 * 2 * sidecarRate / raw);
            out.flush();
        }
    }

    /** Publishes the users and waits until every one of them is announced as persisted; users/s. */
    private static double throughSidecar(
            KafkaUserPublisher publisher,
            PersistedWatcher watcher,
            SparkSidecar sidecar,
            List<UserFetched> batch,
            Map<String, Long> pids,
            PrintWriter out) {
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
                progress(
                        out,
                        String.format(
                                "%.0f s: %,d of %,d persisted",
                                (System.nanoTime() - begin) / 1e9, watcher.announced(run), batch.size()));
                lastReport = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        progress(
                out,
                String.format(
                        "%,d users published in %.1f s, all persisted after %.1f s", batch.size(), published, seconds));
        progress(out, "CPU: " + CpuUse.now(pids).since(cpuBefore, seconds, batch.size()));
        return batch.size() / seconds;
    }

    /** Follows users_persisted from its end at creation and counts the distinct ids announced per run. */
    private static final class PersistedWatcher implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<UUID, Set<String>> idsByRun = new java.util.HashMap<>();

        PersistedWatcher(String bootstrapServers, String topic) {
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is published
        }

        void poll() {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                try {
                    JsonNode message = JSON.readTree(record.value());
                    Set<String> ids = idsByRun.computeIfAbsent(
                            UUID.fromString(message.get("run_id").asText()), r -> new HashSet<>());
                    message.get("user_ids").forEach(id -> ids.add(id.asText()));
                } catch (java.io.IOException | RuntimeException e) {
                    throw new IllegalStateException(
                            "unreadable users_persisted message: " + new String(record.value(), StandardCharsets.UTF_8),
                            e);
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

    private static String format(List<Double> rates) {
        return String.join(
                ", ", rates.stream().map(r -> String.format("%,.0f", r)).toList());
    }
}
