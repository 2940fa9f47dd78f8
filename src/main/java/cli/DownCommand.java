package cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import localstack.ClusterStateFile;
import localstack.ProjectHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./pipeline down}: stops what {@code ./pipeline up} started, from another terminal. */
@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stop the local stack started by `./pipeline up` (its data stays).")
final class DownCommand implements Callable<Integer> {

    private static final Duration GRACE = Duration.ofSeconds(90);

    @Mixin
    ClusterOptions cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path stateFile = ClusterStateFile.location(cluster.workDir(ProjectHome.path()));
        Optional<ClusterStateFile> state = ClusterStateFile.load(stateFile);
        if (state.isEmpty()) {
            out.println("Nothing to stop: the local stack is not up.");
            return 0;
        }
        long begin = System.nanoTime();
        boolean stoppedOwner = stop(state.get().ownerPid(), Pipeline.class.getName());
        // servers left behind by an owner that was killed hard: the watchdog should have ended them
        long orphans = state.get().serverPids().stream()
                .filter(pid -> stop(pid, "embedded.ParentWatchdog"))
                .count();
        ClusterStateFile.delete(stateFile);
        if (!stoppedOwner && orphans == 0) {
            out.println("Nothing to stop: the local stack had already stopped (removed its stale state file).");
        } else {
            out.printf("Stopped the local stack in %.1f s.%n", (System.nanoTime() - begin) / 1e9);
        }
        return 0;
    }

    /**
     * SIGTERM, then SIGKILL after the grace period; true when there was a live process to stop.
     * The command line must show the process is ours: a pid from a stale file may have been reused.
     */
    private static boolean stop(long pid, String commandLineMarker) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> commandLine(handle).contains(commandLineMarker));
        process.ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        });
        return process.isPresent();
    }

    /**
     * The process's whole command line. {@code ProcessHandle.Info.commandLine()} stops at 4,096
     * characters on Linux, well before the main class of a JVM started with a Maven classpath, so
     * {@code /proc/<pid>/cmdline} is read in full where it exists.
     */
    static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // gone meanwhile, or not ours to read: fall back on what the JDK can tell
        }
        return process.info().commandLine().orElse("");
    }
}
