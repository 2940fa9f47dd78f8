package cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path work;

    @Test
    void given_a_malformed_replication_when_serving_then_a_usage_error_names_the_option_and_the_forms() {
        StringWriter err = new StringWriter();
        CommandLine pipeline = Pipeline.commandLine().setErr(new PrintWriter(err));

        int exit = pipeline.execute("serve", "--work-dir", work.toString(), "--cassandra-replication", "dc1=3");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("--cassandra-replication: replication must be a factor (\"3\") or datacenter:factor")
                .doesNotContain("Exception");
    }

    @Test
    void given_serve_help_then_replication_and_datacenter_are_documented() {
        StringWriter out = new StringWriter();
        CommandLine pipeline = Pipeline.commandLine().setOut(new PrintWriter(out));

        int exit = pipeline.execute("serve", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("--cassandra-replication", "NetworkTopologyStrategy", "--cassandra-datacenter");
    }
}
