package cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import json.PipelineJson;
import localstack.ProjectHome;
import org.junit.jupiter.api.Test;

/** The image's default command must not open the API to the network without a token. */
class DockerfileCommandTest {

    @Test
    void given_the_images_default_command_without_a_token_when_it_runs_then_it_refuses_in_one_line()
            throws IOException {
        String cmd = Files.readString(ProjectHome.path().resolve("Dockerfile"))
                .lines()
                .filter(line -> line.startsWith("CMD "))
                .findFirst()
                .orElseThrow()
                .substring("CMD ".length());
        List<String> args = new ArrayList<>();
        PipelineJson.mapper().readTree(cmd).forEach(arg -> args.add(arg.asText()));
        StringWriter err = new StringWriter();

        int exit = Pipeline.commandLine(Map.of()).setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));

        assertThat(args).contains("0.0.0.0");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: refusing to serve the API on 0.0.0.0 without a token");
        assertThat(err.toString().lines()).hasSize(1);
    }
}
