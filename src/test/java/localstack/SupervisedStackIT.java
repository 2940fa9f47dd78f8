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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.CqlSession;
import embedded.ClusterSettings;
import embedded.RestartPolicy;
import embedded.SparkSidecar;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local stack heals itself: each server's JVM killed hard ({@code kill -9}) comes back on its
 * own ports and data, the restart is reported, and the other servers stay up throughout. Its own
 * stack on free ports (not the shared cluster, whose servers other tests rely on); no users fetched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisedStackIT {

    /** Short waits keep the test fast; three tries are plenty for one kill each. */
    private static final RestartPolicy QUICK =
            new RestartPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(10));

    private static final Pattern BACK_AFTER = Pattern.compile("is back: ready again ([0-9.]+) s after it went down");
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static ServerSocket uiPortTaken;
    private static LocalStack stack;

    @BeforeAll
    static void startTheStack() throws IOException {
        Path home = Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath();
        Path workDir = Path.of(System.getProperty("pipeline.it.work-dir", "target/it-cluster"))
                .toAbsolutePath()
                .getParent()
                .resolve("supervised-stack-" + UUID.randomUUID().toString().substring(0, 8));
        // the port the Spark UI is asked for is in use, as 4040 is when another Spark runs
        uiPortTaken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        stack = LocalStack.start(
                home,
                ClusterSettings.onFreePorts(home, workDir),
                true,
                Map.of("spark.ui.enabled", "true", "spark.ui.port", Integer.toString(uiPortTaken.getLocalPort())),
                QUICK,
                line -> {
                    output.add(line);
                    System.out.println("[supervised-stack] " + line);
                });
    }

    @AfterAll
    static void stopTheStack() throws IOException {
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
    void given_the_stack_when_cassandra_is_killed_hard_then_it_comes_back_on_its_port_and_data_and_the_rest_stays_up() {
        long kafka = stack.cluster().kafkaPid();
        long sidecar = stack.sidecar().orElseThrow().pid();
        long cassandra = stack.cluster().cassandraPid();

        kill9AndAwaitBack("Cassandra", cassandra);

        assertThat(stack.cluster().cassandraPid()).isNotEqualTo(cassandra);
        try (CqlSession cql = CqlSession.builder()
                .addContactPoint(stack.cluster().cassandraContactPoint())
                .withLocalDatacenter(stack.cluster().cassandraDatacenter())
                .build()) {
            assertThat(cql.getMetadata().getKeyspace(stack.cassandra().keyspace()))
                    .as("the schema written before the crash, from the same data dir")
                    .isPresent();
        }
        assertStillTheSame(kafka, stack.cluster().kafkaPid());
        assertStillTheSame(sidecar, stack.sidecar().orElseThrow().pid());
        assertThat(stack.isRunning()).isTrue();
    }

    @Test
    @Order(3)
    void given_the_stack_when_kafka_is_killed_hard_then_it_comes_back_on_its_port_and_data_and_the_rest_stays_up()
            throws Exception {
        long cassandra = stack.cluster().cassandraPid();
        long sidecar = stack.sidecar().orElseThrow().pid();
        long kafka = stack.cluster().kafkaPid();

        kill9AndAwaitBack("Kafka", kafka);

        assertThat(stack.cluster().kafkaPid()).isNotEqualTo(kafka);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.cluster().kafkaBootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("the topics created before the crash, from the same data dir")
                    .contains("users_created", "users_created_dlq", "users_persisted");
        }
        assertStillTheSame(cassandra, stack.cluster().cassandraPid());
        assertStillTheSame(sidecar, stack.sidecar().orElseThrow().pid());
        assertThat(stack.isRunning()).isTrue();
    }

    @Test
    @Order(4)
    void given_the_stack_when_the_sidecar_is_killed_hard_then_it_comes_back_on_its_checkpoint_and_the_rest_stays_up() {
        long kafka = stack.cluster().kafkaPid();
        long cassandra = stack.cluster().cassandraPid();
        long sidecar = stack.sidecar().orElseThrow().pid();

        kill9AndAwaitBack(SparkSidecar.NAME, sidecar);

        assertThat(stack.sidecar().orElseThrow().pid()).isNotEqualTo(sidecar);
        assertThat(stack.sidecar().orElseThrow().isAlive()).isTrue();
        assertStillTheSame(kafka, stack.cluster().kafkaPid());
        assertStillTheSame(cassandra, stack.cluster().cassandraPid());
        assertThat(stack.isRunning()).isTrue();
        assertThat(stack.failure()).isEmpty();
    }

    /** kill -9, then the restart line and the "back" line; prints the time from the kill to ready again. */
    private static void kill9AndAwaitBack(String name, long pid) {
        int seen = output.size();
        long killed = System.nanoTime();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        String back = await(name + " ready again after kill -9")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> output.subList(seen, output.size()).stream()
                                .filter(line -> line.startsWith(name + " is back"))
                                .findFirst(),
                        line -> line.isPresent())
                .orElseThrow();
        double observed = (System.nanoTime() - killed) / 1e9;

        assertThat(output.subList(seen, output.size()))
                .contains(name + " exited (code 137); restarting in 1 s, attempt 1 of 3");
        Matcher reported = BACK_AFTER.matcher(back);
        assertThat(reported.find()).as(back).isTrue();
        System.out.printf(
                "[supervised-stack] %s: kill -9 to ready again in %.1f s (supervisor: %s s after it went down)%n",
                name, observed, reported.group(1));
    }

    private static void assertStillTheSame(long pidBefore, long pidNow) {
        assertThat(pidNow).as("the same JVM as before").isEqualTo(pidBefore);
        assertThat(ProcessHandle.of(pidNow).map(ProcessHandle::isAlive)).hasValue(true);
    }
}
