package bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import testsupport.Commands;
import testsupport.Commands.Result;

/**
 * The benchmark harness works end to end on a small run: `./pipeline bench` with 1,000 users
 * produces the JSON, the markdown table and both plots, with figures that are present and
 * consistent. It never asserts a speed.
 */
class BenchSuiteIT {

    private static final Path HOME =
            Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath().normalize();

    @Test
    void given_a_1000_user_smoke_run_when_the_bench_finishes_then_json_table_and_plots_hold_plausible_figures()
            throws Exception {
        Path results = HOME.resolve("target/bench-it/results");
        Path output = HOME.resolve("target/bench-it.out");
        Files.createDirectories(results);
        Result bench = Commands.run(
                List.of(
                        HOME.resolve("pipeline").toString(),
                        "bench",
                        "--volumes",
                        "1000",
                        "--repeat",
                        "1",
                        "--single-runs",
                        "3",
                        "--baseline-rows",
                        "2000",
                        "--out",
                        results.toString(),
                        "--work-dir",
                        HOME.resolve("target/bench-it/work").toString()),
                HOME,
                Map.of(),
                output,
                Duration.ofMinutes(10));
        assertThat(bench.exitCode()).as(bench.output()).isZero();

        JsonNode json = new ObjectMapper()
                .readTree(results.resolve("latest-results.json").toFile());
        JsonNode run = json.get("end_to_end").get(0);
        assertThat(run.get("users").asInt()).isEqualTo(1000);
        assertThat(run.get("fetched_s").asDouble()).isPositive();
        assertThat(run.get("published_s").asDouble())
                .isGreaterThanOrEqualTo(run.get("fetched_s").asDouble());
        assertThat(run.get("completed_s").asDouble())
                .isGreaterThanOrEqualTo(run.get("published_s").asDouble());
        assertThat(run.get("users_per_s").asDouble())
                .isCloseTo(1000 / run.get("completed_s").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(run.get("latency_sample").asInt()).isEqualTo(1000);
        assertThat(run.get("latency_p50_s").asDouble())
                .isPositive()
                .isLessThanOrEqualTo(run.get("latency_p99_s").asDouble());
        // every stage did work during the run: each process used CPU
        assertThat(run.get("cpu_s").properties())
                .hasSize(4)
                .allSatisfy(process -> assertThat(process.getValue().asDouble())
                        .as(process.getKey())
                        .isPositive());
        // the app's own stages are told apart from the source and the harness in its JVM
        JsonNode appCpu = run.get("app_jvm_cpu_s");
        for (String stage :
                List.of("fetch + parse + append", "outbox (read, publish)", "persisted bookkeeping", "source")) {
            assertThat(appCpu.get(stage).asDouble()).as(stage).isPositive();
        }
        assertThat(json.get("raw_baselines")
                        .get("cassandra_driver_cpu_us_per_row")
                        .properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("app+source+harness", "cassandra");
        assertThat(json.get("single_user_s"))
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.asDouble()).isPositive());
        assertThat(json.get("raw_baselines")
                        .get("kafka_producer_msgs_per_s")
                        .get(0)
                        .asDouble())
                .isPositive();
        assertThat(json.get("raw_baselines")
                        .get("cassandra_driver_rows_per_s")
                        .get(0)
                        .asDouble())
                .isPositive();
        assertThat(json.get("peak_rss_mb").properties())
                .hasSize(4)
                .allSatisfy(process -> assertThat(process.getValue().asLong())
                        .as(process.getKey())
                        .isPositive());
        assertThat(json.get("machine").get("cores").asInt()).isPositive();

        assertThat(Files.readString(results.resolve("latest-results.md")))
                .contains(
                        "| figure | median | min-max | vs raw |",
                        "1,000 users: end to end, POST -> COMPLETED",
                        "single-user command",
                        "| 1,000 |",
                        "| raw driver, per row |");
        for (String plot : List.of("latest-users-per-second.png", "latest-latency-cdf.png")) {
            byte[] png = Files.readAllBytes(results.resolve(plot));
            assertThat(png).as(plot).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            assertThat(png.length).as(plot).isGreaterThan(2_000);
        }
    }
}
