package cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import adapters.http.HttpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} and {@code demo} fail closed in one line, before anything starts. */
class ServeSecurityTest {

    private static final String GOOD_TOKEN = "x".repeat(HttpSettings.MIN_TOKEN_LENGTH);

    @TempDir
    Path work;

    private record Outcome(int exit, String out, String err) {}

    private Outcome run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine pipeline =
                Pipeline.commandLine(environment).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = pipeline.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static void assertOneLineError(Outcome outcome, String... fragments) {
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.err().lines().filter(line -> line.startsWith("error: ")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(fragments));
        assertThat(outcome.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void given_a_wildcard_bind_without_a_token_when_serving_then_it_refuses_in_one_line_naming_the_ways_out() {
        Outcome outcome = run(Map.of(), "serve", "--work-dir", work.toString(), "--http-host", "0.0.0.0");

        assertOneLineError(
                outcome,
                "refusing to serve the API on 0.0.0.0 without a token",
                "PIPELINE_API_TOKEN",
                "--api-token-file",
                ServeCommand.INSECURE_OPEN);
    }

    @Test
    void given_a_lan_address_from_the_environment_without_a_token_when_serving_then_it_refuses() {
        Outcome outcome = run(Map.of("PIPELINE_HTTP_HOST", "192.168.1.20"), "serve", "--work-dir", work.toString());

        assertOneLineError(outcome, "refusing to serve the API on 192.168.1.20 without a token");
    }

    @Test
    void given_an_empty_token_variable_when_serving_then_it_is_an_error_not_auth_off() {
        Outcome outcome = run(Map.of("PIPELINE_API_TOKEN", ""), "serve", "--work-dir", work.toString());

        assertOneLineError(outcome, "PIPELINE_API_TOKEN is set but empty");
    }

    @Test
    void given_a_short_token_variable_when_serving_then_it_is_refused_naming_the_minimum() {
        Outcome outcome = run(Map.of("PIPELINE_API_TOKEN", "short-token"), "serve", "--work-dir", work.toString());

        assertOneLineError(outcome, "at least " + HttpSettings.MIN_TOKEN_LENGTH + " characters");
        assertThat(outcome.err()).doesNotContain("short-token");
    }

    @Test
    void given_a_short_token_file_when_serving_then_it_is_refused() throws IOException {
        Path file = Files.writeString(work.resolve("token"), "abc\n");

        Outcome outcome = run(
                Map.of("PIPELINE_HTTP_HOST", "0.0.0.0"),
                "serve",
                "--work-dir",
                work.toString(),
                "--api-token-file",
                file.toString());

        assertOneLineError(outcome, "at least " + HttpSettings.MIN_TOKEN_LENGTH + " characters");
    }

    @Test
    void given_an_empty_token_file_when_serving_then_it_is_an_error() throws IOException {
        Path file = Files.writeString(work.resolve("token"), "\n");

        Outcome outcome =
                run(Map.of("PIPELINE_API_TOKEN_FILE", file.toString()), "serve", "--work-dir", work.toString());

        assertOneLineError(outcome, "is empty");
    }

    @Test
    void given_a_token_on_the_command_line_when_serving_then_a_warning_says_ps_shows_it() {
        Outcome outcome =
                run(Map.of(), "serve", "--work-dir", work.toString(), "--http-host", "0.0.0.0", "--api-token", "short");

        assertThat(outcome.err()).contains("warning: --api-token is visible to every user of this machine (ps)");
        assertOneLineError(outcome, "at least " + HttpSettings.MIN_TOKEN_LENGTH);
    }

    @Test
    void given_an_empty_token_variable_when_running_the_demo_then_it_refuses_before_starting_anything() {
        Outcome outcome = run(Map.of("PIPELINE_API_TOKEN", " "), "demo", "--work-dir", work.toString());

        assertOneLineError(outcome, "PIPELINE_API_TOKEN is set but empty");
        assertThat(outcome.out()).doesNotContain("Starting");
    }

    @Test
    void given_a_short_token_when_running_the_demo_then_it_refuses_before_starting_anything() {
        Outcome outcome = run(Map.of("PIPELINE_API_TOKEN", "short"), "demo", "--work-dir", work.toString());

        assertOneLineError(outcome, "at least " + HttpSettings.MIN_TOKEN_LENGTH);
        assertThat(outcome.out()).doesNotContain("Starting");
    }

    @Test
    void given_a_wildcard_bind_when_printing_where_the_app_listens_then_the_bound_address_comes_first() {
        HttpSettings wildcard = HttpSettings.defaults().withHost("0.0.0.0").withBearerToken(GOOD_TOKEN);

        assertThat(ServeCommand.listening(wildcard, URI.create("http://127.0.0.1:8080/")))
                .isEqualTo("http://0.0.0.0:8080/ (from this machine: http://127.0.0.1:8080/)");
        assertThat(ServeCommand.listening(HttpSettings.defaults(), URI.create("http://127.0.0.1:8080/")))
                .isEqualTo("http://127.0.0.1:8080/");
    }

    @Test
    void given_serve_help_then_the_token_sources_and_the_opt_out_are_documented() {
        Outcome outcome = run(Map.of(), "serve", "--help");

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out())
                .contains(
                        "--api-token-file",
                        "PIPELINE_API_TOKEN",
                        ServeCommand.INSECURE_OPEN,
                        "--http-allowed-hosts",
                        "--require-token-on-operations",
                        "visible in ps");
    }
}
