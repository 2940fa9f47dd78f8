package bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import adapters.cassandra.CassandraUsers;
import bootstrap.AppSettings;
import bootstrap.PipelineApp;
import com.datastax.oss.driver.api.core.CqlSession;
import domain.event.UserFetched;
import domain.user.User;
import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import embedded.randomuser.RandomUserServer;
import localstack.LocalStack;
import localstack.ProjectHome;
import localstack.RunSummary;
import localstack.RunTimeline;
import localstack.RunsClient;

/**
 * The whole pipeline measured on the embedded stack in one run, beside the raw Kafka producer and
 * Cassandra driver rates measured on the same servers. End to end at each volume (repeated),
 * single-user command latency, and what it cost (peak RSS, CPU, disk per user). Writes JSON, a
 * markdown table and PNG plots to {@code bench/results/}.
 */
public final class BenchSuite {

    private static final int LATENCY_SAMPLE = 20_000;

    /**
     * What {@code ./pipeline bench} measures; its options, one to one.
     *
     * @param resultsDir where the results go; null for {@code <project>/bench/results}
     * @param workDir    the benchmark stack's data, wiped first; null for {@code <project>/work/bench-suite}
     */
    public record Settings(
            List<Integer> volumes,
            int repeat,
            int singleRuns,
            int baselineRows,
            Path resultsDir,
            int httpPort,
            Path workDir) {}

    private final Settings settings;

    public BenchSuite(Settings settings) {
        this.settings = settings;
    }

    /** Runs the suite, with progress lines on {@code console}, and writes its results. */
    public void run(PrintWriter console) throws Exception {
        System.setProperty("java.awt.headless", "true"); // the plots need no display
        Path home = ProjectHome.path();
        Path results = settings.resultsDir() != null
                ? settings.resultsDir().toAbsolutePath()
                : home.resolve("bench").resolve("results");
        Path work = BenchOutput.freshWorkDir(settings.workDir(), home, "bench-suite");
        ClusterSettings cluster = ClusterSettings.onFreePorts(home, work);
        long suiteBegin = System.nanoTime();

        try (LocalStack stack =
                        LocalStack.start(home, cluster, true, Map.of(), line -> BenchOutput.progress(console, line));
                RandomUserServer source = RandomUserServer.start(0)) {
            AppSettings app = AppSettings.local(
                            work, stack.cluster().kafkaBootstrapServers(), source.baseUri(), settings.httpPort())
                    .withCassandra(stack.cassandra());
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("kafka", stack.cluster().kafkaPid());
            pids.put("cassandra", stack.cluster().cassandraPid());
            pids.put("sidecar", stack.sidecar().orElseThrow().pid());
            pids.put("app+source+harness", ProcessHandle.current().pid());
            CpuUse cpuBefore = CpuUse.now(pids);
            BenchResults.Builder report = BenchResults.builder(machine());

            try (PipelineApp pipeline = PipelineApp.start(app)) {
                RunsClient api = new RunsClient(pipeline.baseUri());
                BenchOutput.progress(console, "warm-up: one 5,000-user run, not counted");
                endToEnd(api, 5_000, console, pids);
                long users = 5_000;
                for (int volume : settings.volumes()) {
                    for (int round = 1; round <= settings.repeat(); round++) {
                        BenchResults.Run run = endToEnd(api, volume, console, pids);
                        users += volume;
                        report.endToEnd(run);
                        BenchOutput.progress(
                                console,
                                String.format(
                                        "%,d users, round %d: %,.0f users/s end to end, p50 %.2f s," + " p99 %.2f s",
                                        volume, round, run.usersPerSecond(), run.p50Seconds(), run.p99Seconds()));
                    }
                }
                List<Double> single = new ArrayList<>();
                for (int i = 0; i < settings.singleRuns(); i++) {
                    single.add(endToEnd(api, 1, null, pids).completedSeconds());
                    users += 1;
                }
                report.singleUser(single);
                BenchOutput.progress(
                        console,
                        String.format(
                                "%d single-user commands: p50 %.2f s, p99 %.2f s",
                                settings.singleRuns(),
                                BenchStatistics.percentile(single, 50),
                                BenchStatistics.percentile(single, 99)));

                baselines(stack, console, report, pids);
                report.resources(
                        peakRss(pids),
                        CpuUse.now(pids).secondsSince(cpuBefore),
                        users,
                        Map.of(
                                "event store",
                                BenchOutput.directorySize(work.resolve("eventstore")),
                                "kafka log segments",
                                BenchOutput.directorySize(work.resolve("kafka").resolve("data"), ".log"),
                                "cassandra sstables",
                                BenchOutput.directorySize(work.resolve("cassandra")
                                        .resolve("data")
                                        .resolve("data"))));
            }
            BenchResults results1 = report.build((System.nanoTime() - suiteBegin) / 1e9);
            Path written = BenchResultsFiles.write(results1, results);
            console.println();
            console.println(BenchMarkdown.of(results1));
            console.printf("Results: %s (JSON, markdown, PNG plots; latest.* is this run)%n", written);
            console.flush();
        }
    }

    private static BenchResults.Run endToEnd(RunsClient api, int users, PrintWriter console, Map<String, Long> pids)
            throws Exception {
        CpuUse cpuBefore = CpuUse.now(pids);
        ThreadGroupCpu appBefore = ThreadGroupCpu.now();
        String runId = api.fetchUsers("{\"count\": " + users + "}", "bench-" + java.util.UUID.randomUUID());
        long[] lastLine = {System.nanoTime()};
        RunTimeline timeline = RunTimeline.follow(api, runId, Duration.ofMillis(users == 1 ? 10 : 100), now -> {
            if (console != null && !now.ended() && System.nanoTime() - lastLine[0] > 5_000_000_000L) {
                BenchOutput.progress(console, now.line());
                lastLine[0] = System.nanoTime();
            }
        });
        if (!timeline.completed()) {
            throw new IllegalStateException("benchmark run " + runId + " FAILED: "
                    + api.run(runId).path("lastError").asText());
        }
        Map<String, Double> cpu = CpuUse.now(pids).secondsSince(cpuBefore);
        Map<String, Double> appCpu = ThreadGroupCpu.now().secondsSince(appBefore);
        List<Double> latencies = new ArrayList<>();
        if (users > 1) {
            for (Duration d : RunSummary.latencies(api.usersOfRun(runId, LATENCY_SAMPLE))) {
                latencies.add(d.toMillis() / 1000.0);
            }
        }
        return new BenchResults.Run(
                users, timeline.fetchedAt(), timeline.publishedAt(), timeline.completedAt(), latencies, cpu, appCpu);
    }

    private void baselines(LocalStack stack, PrintWriter console, BenchResults.Builder report, Map<String, Long> pids)
            throws Exception {
        List<User> profiles = RawBaselines.realProfiles();
        CassandraUsers.connect(stack.cassandra().withKeyspace("bench_raw")).close();
        int recordBytes = RawBaselines.sampleRecordBytes(stack.cluster().kafkaBootstrapServers(), "users_created");
        try (CqlSession cql = CqlSession.builder()
                .addContactPoint(stack.cluster().cassandraContactPoint())
                .withLocalDatacenter(stack.cluster().cassandraDatacenter())
                .build()) {
            var insert = RawBaselines.prepareInsert(cql, "bench_raw");
            List<Double> producer = new ArrayList<>();
            List<Double> driver = new ArrayList<>();
            // the driver rounds' CPU: Cassandra's, and the client's (this JVM; the app in it is idle meanwhile)
            String client = "app+source+harness";
            Map<String, Long> driverPids = Map.of("cassandra", pids.get("cassandra"), client, pids.get(client));
            Map<String, Double> driverCpu = new TreeMap<>();
            for (int round = 1; round <= settings.repeat(); round++) {
                producer.add(RawBaselines.producerRate(
                        stack.cluster().kafkaBootstrapServers(), settings.baselineRows(), recordBytes));
                List<UserFetched> rows = RawBaselines.batchOf(profiles, settings.baselineRows());
                CpuUse beforeDriver = CpuUse.now(driverPids);
                driver.add(RawBaselines.driverInsertRate(cql, insert, rows, 256));
                CpuUse.now(driverPids)
                        .secondsSince(beforeDriver)
                        .forEach((process, seconds) -> driverCpu.merge(
                                process,
                                1e6 * seconds / ((double) settings.baselineRows() * settings.repeat()),
                                Double::sum));
                BenchOutput.progress(
                        console,
                        String.format(
                                "raw baselines, round %d: Kafka producer %,.0f msgs/s,"
                                        + " Cassandra driver %,.0f rows/s",
                                round, producer.get(round - 1), driver.get(round - 1)));
            }
            report.baselines(producer, driver, recordBytes, driverCpu);
        }
    }

    /** Peak resident set size of each process (Linux: VmHWM in /proc/<pid>/status), in MB; -1 where unknown. */
    private static Map<String, Long> peakRss(Map<String, Long> pids) {
        Map<String, Long> peak = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long mb = -1;
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        mb = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                mb = -1;
            }
            peak.put(name, mb);
        });
        return peak;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        machine.put("memory_gib", Math.round(memory / (1024.0 * 1024 * 1024)));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", Runtime.version().toString());
        machine.put(
                "versions",
                Map.of(
                        "kafka",
                        EmbeddedCluster.KAFKA_VERSION,
                        "cassandra",
                        EmbeddedCluster.CASSANDRA_VERSION,
                        "spark",
                        "3.5.7"));
        machine.put(
                "started_at", DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC)));
        return machine;
    }
}
