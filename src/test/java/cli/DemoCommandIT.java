package cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import testsupport.Commands;
import testsupport.Commands.Result;

/**
 * The README's first command as a new user runs it, through the real {@code ./pipeline} script:
 * {@code demo} brings up its own stack, runs 500 users end to end and prints the summary; then
 * {@code cqlsh} (the real one, from PyPI) reads the same count from the data the demo left behind.
 */
class DemoCommandIT {

    private static final int USERS = 500;
    private static final Path HOME =
            Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath().normalize();
    /** Free ports everywhere, so a stack a developer has up on the well-known ports is not disturbed. */
    private static final List<String> FREE_PORTS = List.of(
            "--kafka-port",
            "0",
            "--kafka-controller-port",
            "0",
            "--cassandra-port",
            "0",
            "--cassandra-storage-port",
            "0");

    @Test
    void given_a_fresh_work_dir_when_the_demo_runs_then_its_summary_and_cqlsh_agree_on_every_user() throws Exception {
        Path work = HOME.resolve("target").resolve("demo-it");
        List<String> demo = new ArrayList<>(List.of(
                "demo",
                "--users",
                Integer.toString(USERS),
                "--fresh",
                "--work-dir",
                work.toString(),
                "--http-port",
                "0",
                "--source-port",
                "0",
                "--progress",
                "lines"));
        demo.addAll(FREE_PORTS);

        Result summary = pipeline(demo, HOME.resolve("target").resolve("demo-it.out"));

        assertThat(summary.exitCode()).as(summary.output()).isZero();
        assertThat(summary.output())
                .contains("COMPLETED", "Five users of the run, read back from Cassandra:", "Data and logs");
        assertThat(stageCount(summary.output(), "requested")).isEqualTo(USERS);
        assertThat(stageCount(summary.output(), "fetched (RandomUser -> event store)"))
                .isEqualTo(USERS);
        assertThat(stageCount(summary.output(), "published (outbox -> Kafka)")).isEqualTo(USERS);
        assertThat(stageCount(summary.output(), "persisted (Spark -> Cassandra)"))
                .isEqualTo(USERS);
        assertThat(summary.output())
                .containsPattern("latency UserFetched -> persisted in Cassandra \\(500 users\\): p50 ");

        List<String> cqlsh = new ArrayList<>(List.of("cqlsh", "--work-dir", work.toString()));
        cqlsh.addAll(FREE_PORTS);
        cqlsh.addAll(List.of("-e", "SELECT count(*) FROM spark_streams.created_users"));
        Result count = pipeline(cqlsh, HOME.resolve("target").resolve("demo-it-cqlsh.out"));

        assertThat(count.exitCode()).as(count.output()).isZero();
        assertThat(count.output()).as(count.output()).containsPattern("(?m)^\\s+" + USERS + "\\s*$");
    }

    /** ./pipeline with these arguments, stdout and stderr together, as a user's terminal shows them. */
    private static Result pipeline(List<String> args, Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("pipeline").toString()));
        command.addAll(args);
        Result result = Commands.run(command, HOME, Map.of(), output, Duration.ofMinutes(8));
        System.out.println("[demo-it] ./pipeline " + String.join(" ", args) + "\n" + result.output());
        return result;
    }

    /** The users column of a summary row such as "  persisted (Spark -> Cassandra)   500   3.2 s   156". */
    private static long stageCount(String summary, String stage) {
        Matcher row = Pattern.compile("(?m)^  " + Pattern.quote(stage) + "\\s+([\\d,]+)")
                .matcher(summary);
        assertThat(row.find())
                .as("a summary row for '%s' in:%n%s", stage, summary)
                .isTrue();
        return Long.parseLong(row.group(1).replace(",", ""));
    }
}
