package cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CqlshCommandTest {

    private static final Path CQLSH = Path.of("/project/.venv/cqlsh/bin/cqlsh");
    private static final String COUNT = "SELECT count(*) FROM spark_streams.created_users";

    @Test
    void given_no_timeout_option_when_cqlsh_runs_then_it_waits_5_minutes_for_a_query_not_its_own_10_s() {
        CqlshCommand cqlsh = parse("-e", COUNT);

        assertThat(CqlshCommand.command(CQLSH, "127.0.0.1:9042", cqlsh.requestTimeoutSeconds, cqlsh.cqlshArgs))
                .containsExactly(CQLSH.toString(), "127.0.0.1", "9042", "--request-timeout=300", "-e", COUNT);
    }

    @Test
    void given_a_request_timeout_when_cqlsh_runs_then_that_one_is_used_and_the_rest_goes_to_cqlsh_untouched() {
        CqlshCommand cqlsh = parse("--request-timeout", "30", "-e", COUNT, "-k", "spark_streams");

        assertThat(CqlshCommand.command(CQLSH, "127.0.0.1:9142", cqlsh.requestTimeoutSeconds, cqlsh.cqlshArgs))
                .containsExactly(
                        CQLSH.toString(),
                        "127.0.0.1",
                        "9142",
                        "--request-timeout=30",
                        "-e",
                        COUNT,
                        "-k",
                        "spark_streams");
    }

    @Test
    void given_cqlsh_style_timeout_with_an_equals_sign_then_it_is_understood_too() {
        assertThat(parse("--request-timeout=600").requestTimeoutSeconds).isEqualTo(600);
    }

    @Test
    void given_a_timeout_out_of_range_when_running_then_a_usage_error_names_the_option() {
        StringWriter err = new StringWriter();
        CommandLine pipeline = Pipeline.commandLine().setErr(new PrintWriter(err));

        int exit = pipeline.execute("cqlsh", "--request-timeout", "0", "-e", COUNT);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--request-timeout must be 1 to 86400 seconds, was 0");
    }

    private static CqlshCommand parse(String... args) {
        CommandLine.ParseResult parsed = Pipeline.commandLine().parseArgs(concat("cqlsh", args));
        CqlshCommand command = (CqlshCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(command.cqlshArgs).isNotNull();
        return command;
    }

    private static String[] concat(String first, String... rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), List.of(rest).stream())
                .toArray(String[]::new);
    }
}
