package cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SettingsDefaultsTest {

    @TempDir
    Path home;

    @Test
    void given_nothing_configured_then_the_well_known_ports_apply() {
        UpCommand up = parseUp(Map.of());

        assertThat(up.cluster.kafkaPort).isEqualTo(9092);
        assertThat(up.cluster.cassandraPort).isEqualTo(9042);
    }

    @Test
    void given_a_config_file_then_its_values_apply() throws Exception {
        Files.writeString(home.resolve("pipeline.properties"), "kafka-port=29092\ncassandra-port=29042\n");

        UpCommand up = parseUp(Map.of());

        assertThat(up.cluster.kafkaPort).isEqualTo(29092);
        assertThat(up.cluster.cassandraPort).isEqualTo(29042);
    }

    @Test
    void given_file_and_environment_then_the_environment_wins_and_the_command_line_beats_both() throws Exception {
        Files.writeString(home.resolve("pipeline.properties"), "kafka-port=29092\ncassandra-port=29042\n");

        UpCommand up = parseUp(
                Map.of("PIPELINE_KAFKA_PORT", "39092", "PIPELINE_CASSANDRA_PORT", "39042"),
                "--cassandra-port",
                "49042");

        assertThat(up.cluster.kafkaPort).isEqualTo(39092);
        assertThat(up.cluster.cassandraPort).isEqualTo(49042);
    }

    @Test
    void given_pipeline_config_names_a_file_then_that_file_is_read() throws Exception {
        Path elsewhere = Files.writeString(home.resolve("stack.properties"), "kafka-port=19092\n");

        UpCommand up = parseUp(Map.of("PIPELINE_CONFIG", elsewhere.toString()));

        assertThat(up.cluster.kafkaPort).isEqualTo(19092);
    }

    private UpCommand parseUp(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new Pipeline());
        commandLine.setDefaultValueProvider(new SettingsDefaults(home, environment));
        String[] all = new String[args.length + 1];
        all[0] = "up";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult parsed = commandLine.parseArgs(all);
        return (UpCommand) parsed.subcommand().commandSpec().userObject();
    }
}
