package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

    @TempDir
    Path work;

    @Test
    void given_a_server_started_by_a_parent_when_the_parent_is_killed_hard_then_the_server_stops() throws Exception {
        Process parent = new ProcessBuilder(
                        JavaRuntime.current().toString(),
                        "-Xmx64m",
                        "-cp",
                        ownClasspath(),
                        WatchdogParentFixture.class.getName(),
                        work.toString(),
                        ownClasspath())
                .redirectError(work.resolve("parent.err").toFile())
                .start();
        long childPid;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            childPid = Long.parseLong(out.readLine().strip());
            assertThat(ProcessHandle.of(childPid))
                    .hasValueSatisfying(child -> assertThat(child.isAlive()).isTrue());

            parent.destroyForcibly().waitFor();
        }

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> ProcessHandle.of(childPid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false),
                        alive -> !alive);
    }

    @Test
    void given_a_running_server_when_it_is_closed_then_it_stops_and_close_can_be_repeated() {
        ServerProcess server = startSleeper();

        server.close();
        server.close();

        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void given_a_server_that_dies_at_start_when_awaiting_readiness_then_the_error_names_the_log_and_shows_its_tail() {
        ServerProcess server = ServerProcess.start(
                "Broken server",
                JavaRuntime.current(),
                List.of("-Xmx32m"),
                ownClasspath(),
                ServerProcess.installWatchdog(work.resolve("lib")),
                "no.such.MainClass",
                List.of(),
                work.resolve("console.log"),
                work.resolve("server.log"));

        assertThatThrownBy(() -> server.awaitReady(
                        () -> {
                            throw new IllegalStateException("not yet");
                        },
                        Duration.ofSeconds(30)))
                .isInstanceOf(EmbeddedClusterException.class)
                .hasMessageStartingWith("Broken server failed to start: the process exited with code 1 (log: "
                        + work.resolve("console.log") + ")")
                .hasMessageContaining("ClassNotFoundException: no.such.MainClass");
    }

    @Test
    void
            given_a_server_that_never_gets_ready_when_the_timeout_passes_then_it_is_stopped_and_the_last_check_is_reported() {
        ServerProcess server = startSleeper();

        assertThatThrownBy(() -> server.awaitReady(
                        () -> {
                            throw new IllegalStateException("port 1 not open yet");
                        },
                        Duration.ofSeconds(1)))
                .isInstanceOf(EmbeddedClusterException.class)
                .hasMessageContaining("not ready after 1 s (last check: port 1 not open yet)");
        assertThat(server.isAlive()).isFalse();
    }

    private ServerProcess startSleeper() {
        return ServerProcess.start(
                "sleeper",
                JavaRuntime.current(),
                List.of("-Xmx32m"),
                ownClasspath(),
                ServerProcess.installWatchdog(work.resolve("lib")),
                SleepingServer.class.getName(),
                List.of(),
                work.resolve("console.log"),
                work.resolve("server.log"));
    }

    /** The compiled main and test classes: the fixtures need nothing else. */
    private static String ownClasspath() {
        try {
            Path main = Path.of(ParentWatchdog.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path test = Path.of(SleepingServer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return main + File.pathSeparator + test;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
