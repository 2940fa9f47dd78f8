package bench;

import static bench.BenchOutput.directorySize;
import static bench.BenchOutput.progress;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import adapters.cassandra.CassandraSettings;
import adapters.kafka.KafkaSettings;
import application.FetchRunPages;
import bootstrap.AppSettings;
import bootstrap.PipelineApp;
import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import embedded.randomuser.RandomUserServer;
import localstack.ProjectHome;

/**
 * Source -> event store and event store -> Kafka, measured on the embedded stack beside the raw
 * Kafka producer rate (acks=all, idempotent, same record size) measured in the same run.
 */
public final class IngestionBenchmark {

    private static final Pattern NUMBER = Pattern.compile("\"(fetched|published)\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    /**
     * What {@code ./pipeline bench ingestion} measures; its options, one to one.
     *
     * @param workDir where the benchmark's stack keeps its data, wiped first; null for {@code <project>/work/bench}
     */
    public record Settings(int users, int pageSize, Path workDir) {}

    private final int users;
    private final int pageSize;
    private final Path workDir;

    public IngestionBenchmark(Settings settings) {
        this.users = settings.users();
        this.pageSize = settings.pageSize();
        this.workDir = settings.workDir();
    }

    /** Runs the benchmark and prints its figures on {@code out}. */
    public void run(PrintWriter out) throws Exception {
        Path home = ProjectHome.path();
        Path work = BenchOutput.freshWorkDir(workDir, home, "bench");
        try (EmbeddedCluster cluster =
                        EmbeddedCluster.start(ClusterSettings.onFreePorts(home, work), line -> progress(out, line));
                RandomUserServer source = RandomUserServer.start(0)) {
            AppSettings local = AppSettings.local(work, cluster.kafkaBootstrapServers(), source.baseUri(), 0)
                    .withCassandra(CassandraSettings.defaults("127.0.0.1:"
                                    + cluster.cassandraContactPoint().getPort())
                            .withLocalDatacenter(cluster.cassandraDatacenter()));
            // no sidecar here reports users persisted: fetching must not wait for it
            FetchRunPages.Settings fetching = local.fetching();
            AppSettings settings = local.withMaxPageSize(pageSize)
                    .withFetching(new FetchRunPages.Settings(
                            fetching.concurrentPages(), fetching.maxPageAttempts(), fetching.retryDelay(), 0))
                    .withKafka(local.kafka().withTopics(KafkaSettings.Topics.prefixed("bench-")));
            Figures figures;
            Map<String, Double> appCpu;
            try (PipelineApp app = PipelineApp.start(settings)) {
                ThreadGroupCpu before = ThreadGroupCpu.now();
                figures = ingest(out, app.baseUri());
                appCpu = ThreadGroupCpu.now().secondsSince(before);
            }
            int recordBytes = RawBaselines.sampleRecordBytes(
                    cluster.kafkaBootstrapServers(), settings.kafka().topics().usersCreated());
            double producerOnly = RawBaselines.producerRate(cluster.kafkaBootstrapServers(), users, recordBytes);
            long storeBytes = directorySize(work.resolve("eventstore"));
            out.println();
            out.printf(
                    "Ingestion benchmark: %,d users, pages of %,d, %d cores, Java %s%n",
                    users, pageSize, Runtime.getRuntime().availableProcessors(), Runtime.version());
            out.printf("| stage | users/s | seconds |%n|---|---:|---:|%n");
            out.printf(
                    "| source -> event store (POST to all pages stored) | %,.0f | %.1f |%n",
                    users / figures.fetchSeconds(), figures.fetchSeconds());
            out.printf(
                    "| event store -> Kafka (outbox, acks=all; POST to last ack) | %,.0f | %.1f |%n",
                    users / figures.publishSeconds(), figures.publishSeconds());
            out.printf(
                    "| Kafka producer alone (acks=all, idempotent, %d-byte records) | %,.0f | %.1f |%n",
                    recordBytes, producerOnly, users / producerOnly);
            out.printf(
                    "End to end the outbox reaches %.0f%% of the producer-only rate; event store on disk: %,d bytes (%,d per user).%n",
                    100 * (users / figures.publishSeconds()) / producerOnly, storeBytes, storeBytes / users);
            out.println();
            out.print(BenchMarkdown.appCpuTable(Map.of(users, List.of(appCpu))));
            out.flush();
        }
    }

    private record Figures(double fetchSeconds, double publishSeconds) {}

    private Figures ingest(PrintWriter out, URI base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long begin = System.nanoTime();
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(base.resolve("api/commands/fetch-users"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"count\": " + users + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"runId\"\\s*:\\s*\"([^\"]+)\"").matcher(accepted.body());
        if (accepted.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException("the app refused the benchmark run: " + accepted.body());
        }
        URI run = base.resolve("api/runs/" + id.group(1));
        double fetchSeconds = 0;
        long lastReport = 0;
        while (true) {
            String body = http.send(HttpRequest.newBuilder(run).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Map<String, Long> counts = counts(body);
            double elapsed = (System.nanoTime() - begin) / 1e9;
            Matcher status = STATUS.matcher(body);
            String state = status.find() ? status.group(1) : "?";
            if (fetchSeconds == 0 && !"FETCHING".equals(state) && !"REQUESTED".equals(state)) {
                fetchSeconds = elapsed;
            }
            if ("FAILED".equals(state) || "CANCELLED".equals(state)) {
                throw new IllegalStateException("the benchmark run ended without completing: " + body);
            }
            if (counts.getOrDefault("published", 0L) >= users) {
                return new Figures(fetchSeconds, elapsed);
            }
            if (System.nanoTime() - lastReport > 2_000_000_000L) {
                progress(
                        out,
                        String.format(
                                "%.0f s: fetched %,d, published %,d",
                                elapsed, counts.getOrDefault("fetched", 0L), counts.getOrDefault("published", 0L)));
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
    }

    private static Map<String, Long> counts(String body) {
        Map<String, Long> counts = new java.util.HashMap<>();
        Matcher matcher = NUMBER.matcher(body);
        while (matcher.find()) {
            counts.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return counts;
    }
}
