package testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line as a user would (the pipeline script, Airflow, a validator) and keeps what it printed. */
public final class Commands {

    private Commands() {}

    /** The exit code (-1 when it had to be killed) and stdout with stderr, as a terminal shows them. */
    public record Result(int exitCode, String output) {}

    /**
     * Runs {@code command} in {@code directory} with {@code environment} added, its output going to
     * {@code log}. After {@code timeout} it gets SIGTERM (so it can stop its own children), then SIGKILL.
     */
    public static Result run(
            List<String> command, Path directory, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        return new Result(finished ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
    }
}
