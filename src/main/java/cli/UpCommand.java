package cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import embedded.ClusterSettings;
import embedded.RestartPolicy;
import localstack.ClusterStateFile;
import localstack.LocalStack;
import localstack.ProjectHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./pipeline up}: a real Kafka and Cassandra on loopback, until Ctrl-C or {@code ./pipeline down}. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Start a real Kafka (KRaft), Cassandra and the Spark sidecar on 127.0.0.1, until Ctrl-C or "
                    + "`./pipeline down`.",
            "Each runs as a child JVM; data, logs and the sidecar's checkpoint stay in the work directory "
                    + "across restarts.",
            "A server that dies is restarted on its own ports and data, up to " + RestartPolicy.DEFAULT_MAX_RESTARTS
                    + " times in a row; the others stay up."
        })
final class UpCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--sidecar",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Also start the Spark sidecar (users_created -> Cassandra -> users_persisted); "
                    + "--no-sidecar for Kafka and Cassandra only (default: ${DEFAULT-VALUE}).")
    boolean sidecar;

    @Option(
            names = "--spark-trigger-interval",
            paramLabel = "DURATION",
            defaultValue = "PT0.25S",
            description = "Sidecar micro-batch trigger interval, ISO-8601 (default: ${DEFAULT-VALUE}).")
    String triggerInterval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path projectHome = ProjectHome.path();
        ClusterSettings settings = cluster.settings(projectHome);
        Path stateFile = ClusterStateFile.location(settings.workDir());
        Optional<ClusterStateFile> running = ClusterStateFile.load(stateFile).filter(ClusterStateFile::ownerAlive);
        if (running.isPresent()) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "error: the local stack is already up (pid %d, Kafka %s); "
                                    + "stop it with ./pipeline down%n",
                            running.get().ownerPid(), running.get().kafkaBootstrapServers());
            return 1;
        }

        long begin = System.nanoTime();
        Consumer<String> progress = line -> {
            out.println(line);
            out.flush();
        };
        LocalStack stack = LocalStack.start(
                projectHome, settings, sidecar, Map.of("PIPELINE_SPARK_TRIGGER_INTERVAL", triggerInterval), progress);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            out.println("Stopping the local stack ...");
                            out.flush();
                            stack.close();
                            ClusterStateFile.delete(stateFile);
                            out.println("Stopped.");
                            out.flush();
                            stopped.countDown();
                        },
                        "pipeline-down"));

        stack.stateFile().save(stateFile);
        // a restarted server has a new pid: ./pipeline down must find that one
        stack.onRestart(() -> {
            if (!stopping.get()) {
                stack.stateFile().save(stateFile);
            }
        });
        out.printf("%nThe local stack is up in %.1f s:%n", (System.nanoTime() - begin) / 1e9);
        out.printf("  Kafka bootstrap servers  %s%n", stack.cluster().kafkaBootstrapServers());
        out.printf(
                "  Cassandra contact point  %s (datacenter %s)%n",
                stack.cassandraContactPoint(), stack.cluster().cassandraDatacenter());
        stack.sidecar()
                .ifPresent(s -> out.printf(
                        "  Spark sidecar            pid %d, users_created -> %s.created_users, log %s%n",
                        s.pid(), stack.cassandra().keyspace(), s.logFile()));
        out.printf("  Data and logs            %s%n", settings.workDir());
        out.printf(
                "A server that dies is restarted on its own ports and data (up to %d times in a row).%n",
                RestartPolicy.DEFAULT.maxRestarts());
        out.printf("Press Ctrl-C to stop, or run ./pipeline down from another terminal.%n");
        out.flush();

        while (stopping.get() || stack.isRunning()) {
            if (stopped.await(1, TimeUnit.SECONDS)) {
                return 0;
            }
        }
        // returning ends the JVM, whose shutdown hook stops the servers that are still up
        spec.commandLine()
                .getErr()
                .printf(
                        "error: %s; stopping the local stack (logs under %s)%n",
                        stack.failure().orElse("a server stopped unexpectedly"), settings.workDir());
        return 1;
    }
}
