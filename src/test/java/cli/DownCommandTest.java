package cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DownCommandTest {

    @Test
    void given_a_command_line_longer_than_4096_characters_then_the_main_class_at_its_end_is_still_seen()
            throws Exception {
        // as `java -cp <7,000 characters of Maven classpath> cli.Pipeline up` does
        String classpath = "/root/.m2/repository/some/library.jar:".repeat(200);
        Process process =
                new ProcessBuilder("bash", "-c", "sleep 30; true", "-cp", classpath, "cli.Pipeline", "up").start();
        try {
            ProcessHandle handle = process.toHandle();

            assertThat(DownCommand.commandLine(handle)).hasSizeGreaterThan(4096).contains("cli.Pipeline up");
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
