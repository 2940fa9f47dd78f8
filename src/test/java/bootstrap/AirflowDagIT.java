package bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import adapters.cassandra.CassandraSettings;
import adapters.kafka.KafkaSettings;
import application.FetchRunPages;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import embedded.EmbeddedCluster;
import embedded.SparkSidecar;
import embedded.randomuser.RandomUserServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.Commands;
import testsupport.Commands.Result;
import testsupport.SharedCluster;
import testsupport.Sidecars;

/**
 * The DAG in {@code airflow/dags}, run by real Airflow 3 (from PyPI, pinned in
 * {@code airflow/requirements.txt}, in {@code .venv/airflow}) with {@code airflow dags test},
 * against the pipeline on the shared embedded Kafka and Cassandra.
 */
@ExtendWith(SharedCluster.class)
class AirflowDagIT {

    private static final Path HOME =
            Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path venv;
    private static Path airflowHome;

    @BeforeAll
    static void installAirflowAndMigrateItsDatabase() throws Exception {
        Result install = run(List.of(HOME.resolve("airflow/venv.sh").toString()), Map.of(), Duration.ofMinutes(10));
        assertThat(install.exitCode()).as(install.output()).isZero();
        venv = Path.of(
                install.output().strip().lines().reduce((first, last) -> last).orElseThrow());
        airflowHome = HOME.resolve("target/airflow-it");
        Files.createDirectories(airflowHome);
        Result migrate = airflow(List.of("db", "migrate"), Map.of());
        assertThat(migrate.exitCode()).as(migrate.output()).isZero();
    }

    @Test
    void given_the_dag_folder_when_airflow_parses_it_then_user_ingestion_loads_without_import_errors()
            throws Exception {
        Result parsed = run(
                List.of(
                        venv.resolve("bin/python").toString(),
                        "-c",
                        "from airflow.models import DagBag\n"
                                + "bag = DagBag(dag_folder='" + HOME.resolve("airflow/dags") + "')\n"
                                + "print('import errors:', bag.import_errors)\n"
                                + "dag = bag.dags['user_ingestion']\n"
                                + "print('tasks:', sorted(t.task_id for t in dag.tasks), 'catchup:', dag.catchup)\n"),
                airflowEnvironment(Map.of()),
                Duration.ofMinutes(2));

        assertThat(parsed.exitCode()).as(parsed.output()).isZero();
        assertThat(parsed.output())
                .contains("import errors: {}")
                .contains("tasks: ['post_fetch_users', 'wait_until_persisted'] catchup: False");
    }

    @Test
    void given_the_pipeline_up_when_the_dag_is_tested_then_it_succeeds_and_cassandra_holds_the_users(
            EmbeddedCluster cluster) throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(cluster, false)) {
            Result dagRun = airflow(
                    List.of(
                            "dags",
                            "test",
                            "user_ingestion",
                            "-c",
                            "{\"count\": 200, \"nationalities\": [\"GB\", \"NO\"]}"),
                    pipeline.connection());

            assertThat(dagRun.exitCode()).as(dagRun.output()).isZero();
            JsonNode run = pipeline.onlyRun();
            assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(run.get("persisted").asInt()).isEqualTo(200);
            assertThat(run.get("nationalities").toString()).isEqualTo("[\"GB\",\"NO\"]");
            assertThat(pipeline.rowsOfRun(run.get("runId").asText())).isEqualTo(200);
        }
    }

    @Test
    void given_a_run_that_fails_when_the_dag_is_tested_then_the_dag_run_fails_with_the_runs_own_error(
            EmbeddedCluster cluster) throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(cluster, true)) {
            Result dagRun =
                    airflow(List.of("dags", "test", "user_ingestion", "-c", "{\"count\": 10}"), pipeline.connection());

            assertThat(dagRun.exitCode()).as(dagRun.output()).isNotZero();
            assertThat(pipeline.onlyRun().get("status").asText()).isEqualTo("FAILED");
            assertThat(dagRun.output())
                    .containsPattern("pipeline run [0-9a-f-]{36} FAILED: page 1 failed")
                    .contains("HTTP 503");
        }
    }

    @Test
    void given_the_api_down_when_the_dag_is_tested_then_the_dag_run_fails_saying_it_cannot_connect() throws Exception {
        int closedPort = embeddedFreePort();

        Result dagRun = airflow(
                List.of("dags", "test", "user_ingestion", "-c", "{\"count\": 10}"),
                Map.of("AIRFLOW_CONN_PIPELINE_API", "http://127.0.0.1:" + closedPort));

        assertThat(dagRun.exitCode()).as(dagRun.output()).isNotZero();
        assertThat(dagRun.output())
                .contains("Failed to establish a new connection")
                .contains("DagRun failed");
    }

    /** The app, a loopback source and (for runs that should complete) the Spark sidecar, isolated by prefix. */
    private static final class RunningPipeline implements AutoCloseable {
        private final RandomUserServer source;
        private final PipelineApp app;
        private final SparkSidecar sidecar;
        private final EmbeddedCluster cluster;
        private final String keyspace;

        private RunningPipeline(
                RandomUserServer source,
                PipelineApp app,
                SparkSidecar sidecar,
                EmbeddedCluster cluster,
                String keyspace) {
            this.source = source;
            this.app = app;
            this.sidecar = sidecar;
            this.cluster = cluster;
            this.keyspace = keyspace;
        }

        /** {@code failingSource}: every source request answers 503, and the run gives up quickly. */
        static RunningPipeline start(EmbeddedCluster cluster, boolean failingSource) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String prefix = "airflow_" + suffix + "_";
            String keyspace = "airflow_" + suffix;
            InetSocketAddress cassandra = cluster.cassandraContactPoint();
            Path work = HOME.resolve("target").resolve("airflow-it-" + suffix);
            RandomUserServer source = RandomUserServer.start(0);
            AppSettings local = AppSettings.local(work, cluster.kafkaBootstrapServers(), source.baseUri(), 0);
            AppSettings settings = local.withKafka(local.kafka().withTopics(KafkaSettings.Topics.prefixed(prefix)))
                    .withCassandra(CassandraSettings.defaults("127.0.0.1:" + cassandra.getPort())
                            .withLocalDatacenter(cluster.cassandraDatacenter())
                            .withKeyspace(keyspace));
            SparkSidecar sidecar = null;
            if (failingSource) {
                source.faults().enqueue("every=1:503");
                settings = new AppSettings(
                        settings.http(),
                        settings.kafka(),
                        settings.source().withMaxAttempts(1).withBackoff(Duration.ofMillis(10), Duration.ofMillis(10)),
                        settings.eventStore(),
                        new FetchRunPages.Settings(1, 2, Duration.ofMillis(100), 0),
                        settings.maxPageSize(),
                        settings.outboxBatchSize(),
                        settings.cassandra());
            }
            PipelineApp app = PipelineApp.start(settings);
            if (!failingSource) {
                sidecar = Sidecars.start(new SparkSidecar.Config(
                        cluster.kafkaBootstrapServers(),
                        "127.0.0.1",
                        cassandra.getPort(),
                        keyspace,
                        cluster.cassandraDatacenter(),
                        prefix,
                        work.resolve("sidecar")));
            }
            return new RunningPipeline(source, app, sidecar, cluster, keyspace);
        }

        /** The Airflow connection as the DAG expects it, from the environment. */
        Map<String, String> connection() {
            String base = app.baseUri().toString();
            return Map.of(
                    "AIRFLOW_CONN_PIPELINE_API", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }

        JsonNode onlyRun() throws IOException, InterruptedException {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(app.baseUri().resolve("api/runs"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode runs = JSON.readTree(response.body()).get("runs");
            assertThat(runs).as(response.body()).hasSize(1);
            return runs.get(0);
        }

        long rowsOfRun(String runId) {
            try (CqlSession cql = CqlSession.builder()
                    .addContactPoint(cluster.cassandraContactPoint())
                    .withLocalDatacenter(cluster.cassandraDatacenter())
                    .build()) {
                return cql.execute("SELECT count(*) FROM " + keyspace + ".users_by_run WHERE run_id = " + runId)
                        .one()
                        .getLong(0);
            }
        }

        @Override
        public void close() {
            if (sidecar != null) {
                sidecar.close();
            }
            app.close();
            source.close();
        }
    }

    private static Map<String, String> airflowEnvironment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("AIRFLOW_HOME", airflowHome.toString());
        env.put("AIRFLOW__CORE__DAGS_FOLDER", HOME.resolve("airflow/dags").toString());
        env.put("AIRFLOW__CORE__LOAD_EXAMPLES", "False");
        // fast and final in tests: no retries with minutes of backoff, a sensor that looks every second
        env.put("PIPELINE_DAG_RETRIES", "0");
        env.put("PIPELINE_DAG_POKE_SECONDS", "1");
        env.put("PIPELINE_DAG_TIMEOUT_SECONDS", "300");
        env.putAll(extra);
        return env;
    }

    private static Result airflow(List<String> args, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(venv.resolve("bin/airflow").toString()));
        command.addAll(args);
        return run(command, airflowEnvironment(extraEnv), Duration.ofMinutes(6));
    }

    private static Result run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        return Commands.run(
                command, HOME, env, Files.createTempFile(HOME.resolve("target"), "airflow-it", ".out"), timeout);
    }

    private static int embeddedFreePort() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
