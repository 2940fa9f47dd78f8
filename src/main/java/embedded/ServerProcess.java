package embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server running as a child JVM. The child starts through {@link ParentWatchdog}, which ends it
 * when this process dies; {@link #close()} stops it with SIGTERM so the server shuts down cleanly,
 * and kills it only if it does not stop in time.
 */
final class ServerProcess implements AutoCloseable {

    /** Checks the server is ready; throws with the reason while it is not. */
    @FunctionalInterface
    interface ReadinessProbe {
        void check() throws Exception;
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(45);
    private static final Duration PROBE_PAUSE = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 20;

    private final String name;
    private final Process process;
    /** Held open on purpose: the child treats end-of-file on its stdin as "parent gone". */
    private final OutputStream lifeline;

    private final Path console;
    private final Path serverLog;

    private ServerProcess(String name, Process process, Path console, Path serverLog) {
        this.name = name;
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.console = console;
        this.serverLog = serverLog;
    }

    /**
     * Starts {@code mainClass} in a new JVM. {@code console} receives the child's stdout and stderr;
     * {@code serverLog} is the server's own log, quoted when the start fails.
     */
    static ServerProcess start(
            String name,
            Path java,
            List<String> jvmOptions,
            String classpath,
            Path watchdogDir,
            String mainClass,
            List<String> args,
            Path console,
            Path serverLog) {
        return start(name, java, jvmOptions, classpath, watchdogDir, mainClass, args, Map.of(), console, serverLog);
    }

    /** As above, with {@code environment} added to the child's inherited environment. */
    static ServerProcess start(
            String name,
            Path java,
            List<String> jvmOptions,
            String classpath,
            Path watchdogDir,
            String mainClass,
            List<String> args,
            Map<String, String> environment,
            Path console,
            Path serverLog) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(watchdogDir + File.pathSeparator + classpath);
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(console.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ServerProcess(name, process, console, serverLog);
        } catch (IOException e) {
            throw EmbeddedClusterException.io("cannot start " + name + " with " + java, e);
        }
    }

    /** Copies the watchdog's single class file where a child classpath can reach it. */
    static Path installWatchdog(Path libDir) {
        String resource = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Path target = libDir.resolve("watchdog").resolve(resource);
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class file " + resource);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
            return libDir.resolve("watchdog");
        } catch (IOException e) {
            throw EmbeddedClusterException.io("cannot install the watchdog in " + libDir, e);
        }
    }

    /** Runs a short-lived tool JVM (such as a storage formatter) to completion. */
    static void runTool(
            String name,
            Path java,
            List<String> jvmOptions,
            String classpath,
            String mainClass,
            List<String> args,
            Path console,
            Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(console.getParent());
            Process tool = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                    .start();
            tool.getOutputStream().close();
            if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                tool.destroyForcibly();
                throw EmbeddedClusterException.failedToStart(
                        name, "timed out", console, LogTail.of(console, LOG_TAIL_LINES));
            }
            if (tool.exitValue() != 0) {
                throw EmbeddedClusterException.failedToStart(
                        name, "exited with code " + tool.exitValue(), console, LogTail.of(console, LOG_TAIL_LINES));
            }
        } catch (IOException e) {
            throw EmbeddedClusterException.io("cannot run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EmbeddedClusterException.io("interrupted while running " + name, e);
        }
    }

    /** Waits until the probe passes; fails fast with the log tail when the server dies first. */
    void awaitReady(ReadinessProbe probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("the process exited with code " + process.exitValue());
            }
            try {
                probe.check();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw EmbeddedClusterException.io("interrupted while waiting for " + name, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            sleep(PROBE_PAUSE);
        }
        close();
        throw failure("not ready after " + timeout.toSeconds() + " s"
                + (lastFailure == null ? "" : " (last check: " + lastFailure.getMessage() + ")"));
    }

    private EmbeddedClusterException failure(String reason) {
        Path log = Files.isRegularFile(serverLog) ? serverLog : console;
        List<String> tail = new ArrayList<>(LogTail.of(log, LOG_TAIL_LINES));
        if (!log.equals(console)) {
            // fatal JVM errors (bad options, out of memory) only reach the console
            tail.addAll(LogTail.of(console, 5));
        }
        return EmbeddedClusterException.failedToStart(name, reason, log, tail);
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    /** Blocks until the process has ended and returns its exit code (128 + the signal when killed by one). */
    int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Appends a line of the supervisor's to the console log, so that the server's own log explains
     * a gap (a crash, a restart). Best effort: a line that cannot be written is not worth failing for.
     */
    void note(String line) {
        try {
            Files.writeString(
                    console,
                    "[supervisor " + Instant.now() + "] " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the same line went to the output; the log only repeats it
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path serverLog() {
        return serverLog;
    }

    /** SIGTERM, a grace period for the server's own shutdown, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the child is gone; its pipe has nothing left to say
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
