package testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import embedded.SparkSidecar;

/** Starts and crashes the Spark sidecar child JVM the way the embedded stack does. */
public final class Sidecars {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private Sidecars() {}

    /** Starts the sidecar from the project's spark/target (built by `./pipeline test` before the monolith). */
    public static SparkSidecar start(SparkSidecar.Config config) {
        Path home = Path.of(System.getProperty("pipeline.home", "."))
                .toAbsolutePath()
                .normalize();
        return SparkSidecar.start(home, config, START_TIMEOUT, line -> System.out.println("[sidecar] " + line));
    }

    /** A crash from outside, as `kill -9` does it: no shutdown hook runs, nothing is flushed. */
    public static void kill9(SparkSidecar sidecar) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(sidecar.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
