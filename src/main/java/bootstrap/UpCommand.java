package bootstrap;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./pipeline up}: a real Kafka and Cassandra on loopback, until Ctrl-C or {@code ./pipeline down}. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start a real Kafka (KRaft) and Cassandra on 127.0.0.1, until Ctrl-C or `./pipeline down`.",
                "Each runs as a child JVM; data and logs stay in the work directory across restarts."})
final class UpCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path projectHome = Pipeline.projectHome();
        ClusterSettings settings = cluster.settings(projectHome);
        Path stateFile = ClusterStateFile.location(settings.workDir());
        Optional<ClusterStateFile> running = ClusterStateFile.load(stateFile).filter(ClusterStateFile::ownerAlive);
        if (running.isPresent()) {
            spec.commandLine().getErr().printf("error: the local stack is already up (pid %d, Kafka %s); "
                    + "stop it with ./pipeline down%n", running.get().ownerPid(), running.get().kafkaBootstrapServers());
            return 1;
        }

        long begin = System.nanoTime();
        EmbeddedCluster stack = EmbeddedCluster.start(settings, line -> {
            out.println(line);
            out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println("Stopping Kafka and Cassandra ...");
            out.flush();
            stack.close();
            ClusterStateFile.delete(stateFile);
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "pipeline-down"));

        String contactPoint = "127.0.0.1:" + stack.cassandraContactPoint().getPort();
        new ClusterStateFile(ProcessHandle.current().pid(), stack.kafkaPid(), stack.cassandraPid(),
                stack.kafkaBootstrapServers(), contactPoint).save(stateFile);
        out.printf("%nThe local stack is up in %.1f s:%n", (System.nanoTime() - begin) / 1e9);
        out.printf("  Kafka bootstrap servers  %s%n", stack.kafkaBootstrapServers());
        out.printf("  Cassandra contact point  %s (datacenter %s)%n", contactPoint, stack.cassandraDatacenter());
        out.printf("  Data and logs            %s%n", settings.workDir());
        out.printf("Press Ctrl-C to stop, or run ./pipeline down from another terminal.%n");
        out.flush();

        while (stopping.get() || stack.isRunning()) {
            if (stopped.await(1, TimeUnit.SECONDS)) {
                return 0;
            }
        }
        // returning ends the JVM, whose shutdown hook stops the server that is still up
        spec.commandLine().getErr().printf("error: a server stopped unexpectedly; see the logs under %s%n",
                settings.workDir());
        return 1;
    }
}
