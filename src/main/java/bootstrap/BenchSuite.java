package bootstrap;

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
import java.util.concurrent.Callable;

import adapters.cassandra.CassandraUsers;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import domain.event.UserFetched;
import domain.user.User;
import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import embedded.randomuser.RandomUserServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline bench}: the whole pipeline measured on the embedded stack in one run, beside the
 * raw Kafka producer and Cassandra driver rates measured on the same servers. End to end at each
 * volume (repeated), single-user command latency, and what it cost (peak RSS, CPU, disk per user).
 * Writes JSON, a markdown table and PNG plots to {@code bench/results/}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the pipeline end to end on the embedded stack beside raw Kafka and Cassandra baselines",
                "measured in the same run; writes bench/results/latest.{json,md} and PNG plots. Figures, never pass/fail.",
                "Subcommands measure one part on its own."},
        subcommands = {IngestionBenchmark.class, SidecarBenchmark.class})
final class BenchSuite implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int LATENCY_SAMPLE = 20_000;

    @Option(names = "--volumes", paramLabel = "N[,N...]", split = ",", defaultValue = "10000,100000,1000000",
            description = "Users per end-to-end run, the points of the scaling curve (default: ${DEFAULT-VALUE}).")
    List<Integer> volumes;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Runs per volume and per baseline; figures are the median with min-max (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--single-runs", paramLabel = "N", defaultValue = "100",
            description = "One-user commands timed from POST to COMPLETED (default: ${DEFAULT-VALUE}).")
    int singleRuns;

    @Option(names = "--baseline-rows", paramLabel = "N", defaultValue = "100000",
            description = "Records per raw baseline round (default: ${DEFAULT-VALUE}).")
    int baselineRows;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: <project>/bench/results).")
    Path out;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "0", description = "App port (default: any free port).")
    int httpPort;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "The benchmark stack's data, wiped first (default: <project>/work/bench-suite). Servers use free ports.")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        System.setProperty("java.awt.headless", "true"); // the plots need no display
        Path home = Pipeline.projectHome();
        Path results = out != null ? out.toAbsolutePath() : home.resolve("bench").resolve("results");
        Path work = BenchOutput.freshWorkDir(workDir, home, "bench-suite");
        ClusterSettings settings = ClusterSettings.onFreePorts(home, work);
        long suiteBegin = System.nanoTime();

        try (LocalStack stack = LocalStack.start(home, settings, true, Map.of(), line -> BenchOutput.progress(console, line));
             RandomUserServer source = RandomUserServer.start(0)) {
            AppSettings app = AppSettings.local(work, stack.cluster().kafkaBootstrapServers(), source.baseUri(), httpPort)
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
                for (int volume : volumes) {
                    for (int round = 1; round <= repeat; round++) {
                        BenchResults.Run run = endToEnd(api, volume, console, pids);
                        users += volume;
                        report.endToEnd(run);
                        BenchOutput.progress(console, String.format("%,d users, round %d: %,.0f users/s end to end, p50 %.2f s,"
                                + " p99 %.2f s", volume, round, run.usersPerSecond(), run.p50Seconds(), run.p99Seconds()));
                    }
                }
                List<Double> single = new ArrayList<>();
                for (int i = 0; i < singleRuns; i++) {
                    single.add(endToEnd(api, 1, null, pids).completedSeconds());
                    users += 1;
                }
                report.singleUser(single);
                BenchOutput.progress(console, String.format("%d single-user commands: p50 %.2f s, p99 %.2f s", singleRuns,
                        BenchResults.percentile(single, 50), BenchResults.percentile(single, 99)));

                baselines(stack, console, report, pids);
                report.resources(peakRss(pids), CpuUse.now(pids).secondsSince(cpuBefore), users,
                        Map.of("event store", BenchOutput.directorySize(work.resolve("eventstore")),
                                "kafka log segments", BenchOutput.directorySize(work.resolve("kafka").resolve("data"), ".log"),
                                "cassandra sstables", BenchOutput.directorySize(
                                        work.resolve("cassandra").resolve("data").resolve("data"))));
            }
            BenchResults results1 = report.build((System.nanoTime() - suiteBegin) / 1e9);
            Path written = results1.write(results, JSON);
            console.println();
            console.println(results1.markdown());
            console.printf("Results: %s (JSON, markdown, PNG plots; latest.* is this run)%n", written);
            console.flush();
        }
        return 0;
    }

    private static BenchResults.Run endToEnd(RunsClient api, int users, PrintWriter console, Map<String, Long> pids)
            throws Exception {
        CpuUse cpuBefore = CpuUse.now(pids);
        String runId = api.fetchUsers("{\"count\": " + users + "}", "bench-" + java.util.UUID.randomUUID());
        long[] lastLine = {System.nanoTime()};
        RunTimeline timeline = RunTimeline.follow(api, runId, Duration.ofMillis(users == 1 ? 10 : 100), now -> {
            if (console != null && !now.ended() && System.nanoTime() - lastLine[0] > 5_000_000_000L) {
                BenchOutput.progress(console, now.line());
                lastLine[0] = System.nanoTime();
            }
        });
        if (!timeline.completed()) {
            throw new IllegalStateException("benchmark run " + runId + " FAILED: " + api.run(runId).path("lastError").asText());
        }
        Map<String, Double> cpu = CpuUse.now(pids).secondsSince(cpuBefore);
        List<Double> latencies = new ArrayList<>();
        if (users > 1) {
            for (Duration d : DemoSummary.latencies(api.usersOfRun(runId, LATENCY_SAMPLE))) {
                latencies.add(d.toMillis() / 1000.0);
            }
        }
        return new BenchResults.Run(users, timeline.fetchedAt(), timeline.publishedAt(), timeline.completedAt(), latencies, cpu);
    }

    private void baselines(LocalStack stack, PrintWriter console, BenchResults.Builder report, Map<String, Long> pids)
            throws Exception {
        List<User> profiles = RawBaselines.realProfiles();
        CassandraUsers.connect(stack.cassandra().withKeyspace("bench_raw")).close();
        int recordBytes = RawBaselines.sampleRecordBytes(stack.cluster().kafkaBootstrapServers(), "users_created");
        try (CqlSession cql = CqlSession.builder().addContactPoint(stack.cluster().cassandraContactPoint())
                .withLocalDatacenter(stack.cluster().cassandraDatacenter()).build()) {
            var insert = RawBaselines.prepareInsert(cql, "bench_raw");
            List<Double> producer = new ArrayList<>();
            List<Double> driver = new ArrayList<>();
            // the driver rounds' CPU: Cassandra's, and the client's (this JVM; the app in it is idle meanwhile)
            String client = "app+source+harness";
            Map<String, Long> driverPids = Map.of("cassandra", pids.get("cassandra"), client, pids.get(client));
            Map<String, Double> driverCpu = new TreeMap<>();
            for (int round = 1; round <= repeat; round++) {
                producer.add(RawBaselines.producerRate(stack.cluster().kafkaBootstrapServers(), baselineRows, recordBytes));
                List<UserFetched> rows = RawBaselines.batchOf(profiles, baselineRows);
                CpuUse beforeDriver = CpuUse.now(driverPids);
                driver.add(RawBaselines.driverInsertRate(cql, insert, rows, 256));
                CpuUse.now(driverPids).secondsSince(beforeDriver).forEach((process, seconds) ->
                        driverCpu.merge(process, 1e6 * seconds / ((double) baselineRows * repeat), Double::sum));
                BenchOutput.progress(console, String.format("raw baselines, round %d: Kafka producer %,.0f msgs/s,"
                        + " Cassandra driver %,.0f rows/s", round, producer.get(round - 1), driver.get(round - 1)));
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
        machine.put("versions", Map.of("kafka", EmbeddedCluster.KAFKA_VERSION, "cassandra",
                EmbeddedCluster.CASSANDRA_VERSION, "spark", "3.5.7"));
        machine.put("started_at", DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC)));
        return machine;
    }
}
