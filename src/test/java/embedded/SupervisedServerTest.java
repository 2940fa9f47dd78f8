package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor alone, on small stand-in server JVMs: restart, give-up, and no restart on a clean stop. */
class SupervisedServerTest {

    private static final RestartPolicy QUICK =
            new RestartPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(5));

    @TempDir
    Path work;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final AtomicInteger launches = new AtomicInteger();
    private SupervisedServer server;

    @AfterEach
    void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void given_a_supervised_server_when_its_jvm_is_killed_hard_then_it_is_restarted_and_the_restart_is_reported()
            throws Exception {
        server = supervise("Sleeper", SleepingServer.class, QUICK);
        long firstPid = server.pid();

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> output.stream().anyMatch(l -> l.startsWith("Sleeper is back")));
        assertThat(output)
                .contains("Sleeper exited (code 137); restarting in 0.1 s, attempt 1 of 3")
                .anySatisfy(line -> assertThat(line)
                        .matches("Sleeper is back: ready again [0-9.]+ s after it went down "
                                + "\\(pid [0-9]+, attempt 1 of 3\\)"));
        assertThat(server.pid()).isNotEqualTo(firstPid);
        assertThat(server.isAlive()).isTrue();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.failure()).isEmpty();
        assertThat(Files.readString(work.resolve("console.log")))
                .as("the server's own log explains the gap")
                .contains("[supervisor ")
                .contains("Sleeper exited (code 137); restarting in 0.1 s, attempt 1 of 3");
    }

    @Test
    void given_a_server_that_always_dies_when_supervised_then_it_gives_up_after_the_allowed_restarts_saying_why() {
        server = supervise("Crasher", CrashingServer.class, QUICK);

        await().atMost(Duration.ofSeconds(60)).until(() -> server.failure().isPresent());

        assertThat(server.failure().orElseThrow())
                .startsWith("Crasher gave up after 3 restarts in a row: it ")
                .contains("code " + CrashingServer.EXIT_CODE)
                // the server's own log, or its console when it died before writing one
                .containsPattern("\\(log: " + Pattern.quote(work.toString()) + "/(server|console)\\.log\\)$");
        assertThat(server.isRunning()).isFalse();
        assertThat(launches).hasValue(4);
        assertThat(output.stream().filter(l -> l.contains("; restarting in ")))
                .extracting(l -> l.replaceAll(".*attempt ", "attempt "))
                .containsExactly("attempt 1 of 3", "attempt 2 of 3", "attempt 3 of 3");
        assertThat(output).last().asString().startsWith("Crasher gave up after 3 restarts");
    }

    @Test
    void given_a_supervised_server_when_it_is_closed_then_it_stops_and_is_not_restarted() {
        server = supervise("Sleeper", SleepingServer.class, QUICK);

        server.close();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> launches.get() == 1);
        assertThat(server.isAlive()).isFalse();
        assertThat(server.isRunning()).isFalse();
        assertThat(server.failure()).isEmpty();
        assertThat(output).isEmpty();
    }

    @Test
    void given_restarts_are_off_when_the_server_dies_then_it_stays_down_and_says_so() {
        server = supervise("Sleeper", SleepingServer.class, RestartPolicy.NEVER);

        ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).until(() -> server.failure().isPresent());
        assertThat(output).containsExactly("Sleeper exited (code 137); restarts are off, so it stays down");
        assertThat(server.failure().orElseThrow()).startsWith("Sleeper exited (code 137) and restarts are off");
        assertThat(launches).hasValue(1);
    }

    private SupervisedServer supervise(String name, Class<?> mainClass, RestartPolicy policy) {
        Path watchdog = ServerProcess.installWatchdog(work.resolve("lib"));
        return SupervisedServer.start(
                name,
                () -> {
                    launches.incrementAndGet();
                    return ServerProcess.start(
                            name,
                            JavaRuntime.current(),
                            List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"),
                            ownClasspath(),
                            watchdog,
                            mainClass.getName(),
                            List.of(),
                            work.resolve("console.log"),
                            work.resolve("server.log"));
                },
                () -> {},
                Duration.ofSeconds(30),
                policy,
                output::add);
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
