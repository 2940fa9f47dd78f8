package bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import adapters.cassandra.CassandraSettings;
import adapters.kafka.KafkaSettings;
import application.FetchRunPages;
import embedded.EmbeddedCluster;
import embedded.randomuser.RandomUserServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.Commands;
import testsupport.Commands.Result;
import testsupport.SharedCluster;

/**
 * Schemathesis (from PyPI, pinned in {@code tools/schemathesis.sh}) fuzzes the running app from its
 * own {@code /openapi.json} with every check on, bounded in time: no answer may be a 5xx, and every
 * answer must match the document. The app has a bearer token and a source that answers 503, so the
 * runs the fuzzer starts fail after one page instead of fetching up to a million users each.
 * {@code tools/schemathesis.toml} names the two refusals of valid-looking input that are ours by
 * contract (an unsigned page token, a reused Idempotency-Key), and why.
 */
@ExtendWith(SharedCluster.class)
class ApiFuzzIT {

    private static final Path HOME =
            Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath().normalize();
    /** Long enough for every operation's examples, coverage and some fuzzing; CI time is a budget. */
    private static final int MAX_SECONDS = 90;

    private static final String TOKEN = "fuzz-" + UUID.randomUUID() + UUID.randomUUID();
    private static final Pattern TEST_CASES = Pattern.compile("Test cases:\\s*(.*)");

    @Test
    void given_the_running_app_when_fuzzed_from_its_openapi_document_then_no_5xx_and_no_answer_breaks_the_schema(
            EmbeddedCluster cluster) throws Exception {
        Result install = Commands.run(
                List.of(HOME.resolve("tools/schemathesis.sh").toString()),
                HOME,
                Map.of(),
                log("install"),
                Duration.ofMinutes(10));
        assertThat(install.exitCode()).as(install.output()).isZero();
        String schemathesis =
                install.output().strip().lines().reduce((first, last) -> last).orElseThrow();

        try (RandomUserServer source = RandomUserServer.start(0);
                PipelineApp app = PipelineApp.start(settings(cluster, source))) {
            source.faults().enqueue("every=1:503");
            String base = app.baseUri().toString();
            Result fuzz = Commands.run(
                    List.of(
                            schemathesis,
                            "--config-file",
                            HOME.resolve("tools/schemathesis.toml").toString(),
                            "run",
                            base + "openapi.json",
                            "--checks",
                            "all",
                            "--max-time",
                            Integer.toString(MAX_SECONDS),
                            "--workers",
                            "2",
                            "--request-timeout",
                            "20",
                            "--seed",
                            "20261127",
                            "--no-color",
                            "--header",
                            "Authorization: Bearer " + TOKEN,
                            "--report",
                            "junit",
                            "--report-dir",
                            HOME.resolve("target/schemathesis").toString()),
                    HOME,
                    Map.of(),
                    log("run"),
                    Duration.ofSeconds(MAX_SECONDS + 240L));

            Matcher cases = TEST_CASES.matcher(fuzz.output());
            System.out.println("[api-fuzz] " + (cases.find() ? cases.group(1).strip() : "no summary line"));
            assertThat(fuzz.exitCode()).as(fuzz.output()).isZero();
        }
    }

    private static AppSettings settings(EmbeddedCluster cluster, RandomUserServer source) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        AppSettings local = AppSettings.local(
                HOME.resolve("target/api-fuzz-" + suffix), cluster.kafkaBootstrapServers(), source.baseUri(), 0);
        return local.withKafka(local.kafka().withTopics(KafkaSettings.Topics.prefixed("fuzz_" + suffix + "_")))
                .withCassandra(CassandraSettings.defaults(
                                "127.0.0.1:" + cluster.cassandraContactPoint().getPort())
                        .withLocalDatacenter(cluster.cassandraDatacenter())
                        .withKeyspace("fuzz_" + suffix))
                .withHttp(local.http().withBearerToken(TOKEN))
                // a run the fuzzer starts fails after one try of its first page
                .withSource(local.source().withMaxAttempts(1).withBackoff(Duration.ofMillis(10), Duration.ofMillis(10)))
                .withFetching(new FetchRunPages.Settings(1, 1, Duration.ofMillis(100), 0));
    }

    private static Path log(String name) {
        return HOME.resolve("target/schemathesis/" + name + ".log");
    }
}
