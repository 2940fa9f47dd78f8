package localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import embedded.ClusterSettings;
import embedded.RestartPolicy;
import embedded.SparkSidecar;
import embedded.randomuser.RandomUserServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testsupport.AppProcess;
import testsupport.ItWorkDir;
import testsupport.Signals;

/**
 * Fault drills (issue 14): on one supervised stack of its own (Kafka, Cassandra and the Spark
 * sidecar as child JVMs on free ports, restarted by their supervisors) and the app as a child JVM of
 * the test, each drill requests a run of 20,000 users and, once 15 % to 50 % of them are persisted,
 * breaks one part hard. Whatever broke, the run must complete by itself with exactly its 20,000
 * users in Cassandra, and only the broken part may have a new JVM afterwards. Each drill prints how
 * long the pipeline took to recover ({@link FaultDrill}); docs/fault-drills.md keeps the figures.
 *
 * <p>This class also holds what {@code SupervisedStackIT} checked on a stack without load: the
 * restart lines, the other servers staying up, and the Spark UI on a free port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillIT {

    /** Short waits keep the drills fast; five tries leave room for a second restart of the sidecar. */
    private static final RestartPolicy QUICK =
            new RestartPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(10));

    private static final Duration FREEZE = Duration.ofSeconds(60);
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static ServerSocket uiPortTaken;
    private static LocalStack stack;
    private static RandomUserServer source;
    private static AppProcess app;
    private static FaultDrill drills;

    @BeforeAll
    static void startTheStackAndTheApp() throws IOException {
        Path home = Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath();
        Path workDir =
                ItWorkDir.named("fault-drills-" + UUID.randomUUID().toString().substring(0, 8));
        // the port the Spark UI is asked for is in use, as 4040 is when another Spark runs
        uiPortTaken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        stack = LocalStack.start(
                home,
                ClusterSettings.onFreePorts(home, workDir),
                true,
                Map.of(
                        "spark.ui.enabled", "true",
                        "spark.ui.port", Integer.toString(uiPortTaken.getLocalPort()),
                        // ten micro-batches a run instead of one: persisted grows in steps, so a fault lands mid-run
                        "PIPELINE_SPARK_MAX_OFFSETS_PER_TRIGGER", Integer.toString(FaultDrill.USERS / 10)),
                QUICK,
                line -> {
                    output.add(line);
                    System.out.println("[fault-drill] " + line);
                });
        source = RandomUserServer.start(0);
        app = AppProcess.start(new AppProcess.Options(
                workDir.resolve("app"),
                freePort(),
                stack.cluster().kafkaBootstrapServers(),
                stack.cassandraContactPoint(),
                stack.cluster().cassandraDatacenter(),
                source.baseUri()));
        drills = new FaultDrill(stack, new RunsClient(app.baseUri()));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (drills != null) {
            drills.printResults();
        }
        if (app != null) {
            app.close();
        }
        if (source != null) {
            source.close();
        }
        if (stack != null) {
            stack.close();
        }
        uiPortTaken.close();
    }

    @Test
    @Order(1)
    void given_the_ui_port_is_in_use_then_the_sidecar_reports_the_port_spark_did_bind_and_it_answers()
            throws Exception {
        SparkSidecar sidecar = stack.sidecar().orElseThrow();

        String url = await().atMost(Duration.ofSeconds(10))
                .until(sidecar::uiUrl, u -> u.isPresent())
                .orElseThrow();

        assertThat(URI.create(url).getPort()).isNotEqualTo(uiPortTaken.getLocalPort());
        assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
        HttpResponse<Void> page = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/jobs/")).build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void given_no_fault_when_20000_users_are_requested_then_the_run_completes_with_all_of_them() throws Exception {
        drills.noFault();
    }

    @Test
    @Order(3)
    void given_a_run_in_flight_when_kafka_is_killed_hard_then_it_is_restarted_and_the_run_completes_with_every_user()
            throws Exception {
        drills.drill("kafka kill -9", Set.of(FaultDrill.KAFKA), "kafka", () -> killAndAwaitBack(FaultDrill.KAFKA));
    }

    @Test
    @Order(4)
    void
            given_a_run_in_flight_when_cassandra_is_killed_hard_then_it_is_restarted_and_the_run_completes_with_every_user()
                    throws Exception {
        drills.drill("cassandra kill -9", Set.of(FaultDrill.CASSANDRA), () -> killAndAwaitBack(FaultDrill.CASSANDRA));
    }

    @Test
    @Order(5)
    void
            given_a_run_in_flight_when_cassandra_is_frozen_for_60_s_then_it_is_not_restarted_and_the_run_completes_with_every_user()
                    throws Exception {
        drills.drill("cassandra SIGSTOP 60 s", Set.of(), "cassandra", () -> {
            long cassandra = stack.cluster().cassandraPid();
            int seen = output.size();
            Signals.Frozen frozen = Signals.freeze(cassandra, FREEZE.plusSeconds(60));
            try {
                // a stopped JVM is not a dead one: its supervisor must leave it alone
                await("Cassandra frozen for " + FREEZE.toSeconds() + " s")
                        .during(FREEZE)
                        .atMost(FREEZE.plusSeconds(10))
                        .failFast(
                                "the supervisor restarted a frozen Cassandra",
                                () -> stack.cluster().cassandraPid() != cassandra)
                        .until(() -> stack.failure().isEmpty());
            } finally {
                frozen.close();
            }
            assertThat(output.subList(seen, output.size())).noneMatch(line -> line.startsWith(FaultDrill.CASSANDRA));
            return System.nanoTime();
        });
    }

    @Test
    @Order(6)
    void
            given_a_run_in_flight_when_the_sidecar_is_killed_hard_then_it_is_restarted_on_its_checkpoint_and_the_run_completes_with_every_user()
                    throws Exception {
        drills.drill("sidecar kill -9", Set.of(FaultDrill.SIDECAR), () -> killAndAwaitBack(FaultDrill.SIDECAR));
    }

    @Test
    @Order(7)
    void
            given_a_run_in_flight_when_the_app_is_killed_hard_and_started_again_then_the_run_resumes_by_itself_with_every_user()
                    throws Exception {
        drills.drill("app kill -9", Set.of(), () -> {
            long killed = app.pid();
            app.kill9();
            // the same event store and port; nothing is asked of the app but to start
            app.restart();
            assertThat(app.pid()).isNotEqualTo(killed);
            return System.nanoTime();
        });
    }

    /**
     * kill -9 of one server, then its supervisor's restart line and "is back" line.
     *
     * @return when the server was reported ready again ({@link System#nanoTime()})
     */
    private static long killAndAwaitBack(String name) {
        int seen = output.size();
        long pid = drills.pids().get(name);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await(name + " ready again after kill -9")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .failFast("the stack gave up", () -> stack.failure().isPresent())
                .until(() -> output.subList(seen, output.size()).stream()
                        .anyMatch(line -> line.startsWith(name + " is back")));
        long back = System.nanoTime();
        assertThat(output.subList(seen, output.size()))
                .anyMatch(line -> line.startsWith(name + " exited (code 137); restarting in "));
        return back;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
