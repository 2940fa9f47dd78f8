package embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A real single-node Kafka and a real Cassandra, each a child JVM with its own classpath, bound to
 * 127.0.0.1, with data and logs under one work directory. Ready only after a record went through
 * Kafka and a CQL query answered. Each server is supervised ({@link RestartPolicy}): one that dies is
 * started again on the same ports and data while the other stays up. Closing stops both cleanly
 * (and never triggers a restart); if this JVM dies first, the children notice and stop themselves
 * (see {@link ParentWatchdog}).
 */
public final class EmbeddedCluster implements AutoCloseable {

    /** The server versions the embedded default runs, for reports. */
    public static final String KAFKA_VERSION = KafkaServer.VERSION;

    public static final String CASSANDRA_VERSION = CassandraServer.VERSION;

    private final KafkaServer kafka;
    private final CassandraServer cassandra;
    private final SupervisedServer kafkaProcess;
    private final SupervisedServer cassandraProcess;
    private final Path workDir;

    private EmbeddedCluster(
            Path workDir,
            KafkaServer kafka,
            SupervisedServer kafkaProcess,
            CassandraServer cassandra,
            SupervisedServer cassandraProcess) {
        this.workDir = workDir;
        this.kafka = kafka;
        this.kafkaProcess = kafkaProcess;
        this.cassandra = cassandra;
        this.cassandraProcess = cassandraProcess;
    }

    /**
     * Starts both servers side by side, supervised with {@link RestartPolicy#DEFAULT}, and returns
     * when both are ready; {@code progress} gets one line per step, and one per restart later on.
     */
    public static EmbeddedCluster start(ClusterSettings settings, Consumer<String> progress) {
        return start(settings, RestartPolicy.DEFAULT, progress);
    }

    /** As {@link #start(ClusterSettings, Consumer)}, with the given restart policy for both servers. */
    public static EmbeddedCluster start(ClusterSettings settings, RestartPolicy restarts, Consumer<String> progress) {
        requireFreeIfConfigured(settings);
        Path cassandraJava = JavaRuntime.forCassandra();
        KafkaServer kafka = new KafkaServer(
                settings.workDir(),
                Ports.freeIfZero(settings.kafkaPort()),
                Ports.freeIfZero(settings.kafkaControllerPort()),
                settings.credentials());
        CassandraServer cassandra = new CassandraServer(
                settings.workDir(),
                Ports.freeIfZero(settings.cassandraPort()),
                Ports.freeIfZero(settings.cassandraStoragePort()),
                settings.credentials());
        Path watchdog = ServerProcess.installWatchdog(settings.workDir().resolve("lib"));

        CompletableFuture<SupervisedServer> kafkaStart = CompletableFuture.supplyAsync(() -> {
            String classpath = ServerClasspath.resolve(settings.projectHome(), "kafka", "Kafka broker", progress);
            return supervise(
                    KafkaServer.NAME,
                    KafkaServer.VERSION,
                    kafka.bootstrapServers(),
                    () -> kafka.start(JavaRuntime.current(), classpath, watchdog),
                    kafka::probe,
                    settings,
                    restarts,
                    progress);
        });
        CompletableFuture<SupervisedServer> cassandraStart = CompletableFuture.supplyAsync(() -> {
            String classpath =
                    ServerClasspath.resolve(settings.projectHome(), "cassandra", "Cassandra server", progress);
            return supervise(
                    CassandraServer.NAME,
                    CassandraServer.VERSION,
                    "127.0.0.1:" + cassandra.contactPoint().getPort(),
                    () -> cassandra.start(cassandraJava, classpath, watchdog),
                    cassandra::probe,
                    settings,
                    restarts,
                    progress);
        });
        try {
            CompletableFuture.allOf(kafkaStart, cassandraStart).join();
        } catch (CompletionException e) {
            stopQuietly(kafkaStart);
            stopQuietly(cassandraStart);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return new EmbeddedCluster(settings.workDir(), kafka, kafkaStart.join(), cassandra, cassandraStart.join());
    }

    /**
     * Cassandra alone, on the same data as the full stack in {@code settings.workDir()}: for reading
     * what a stopped stack left behind (e.g. {@code ./pipeline cqlsh}). Ports as in {@code settings}.
     */
    public static StandaloneCassandra startCassandra(ClusterSettings settings, Consumer<String> progress) {
        if (settings.cassandraPort() != 0) {
            Ports.requireFree(CassandraServer.NAME, "CQL", settings.cassandraPort(), "--cassandra-port");
        }
        if (settings.cassandraStoragePort() != 0) {
            Ports.requireFree(
                    CassandraServer.NAME, "storage", settings.cassandraStoragePort(), "--cassandra-storage-port");
        }
        CassandraServer cassandra = new CassandraServer(
                settings.workDir(),
                Ports.freeIfZero(settings.cassandraPort()),
                Ports.freeIfZero(settings.cassandraStoragePort()),
                settings.credentials());
        Path watchdog = ServerProcess.installWatchdog(settings.workDir().resolve("lib"));
        String classpath = ServerClasspath.resolve(settings.projectHome(), "cassandra", "Cassandra server", progress);
        ServerProcess process = startAndAwait(
                CassandraServer.NAME + " " + CassandraServer.VERSION,
                "127.0.0.1:" + cassandra.contactPoint().getPort(),
                () -> cassandra.start(JavaRuntime.forCassandra(), classpath, watchdog),
                cassandra::probe,
                settings,
                progress);
        return new StandaloneCassandra(cassandra.contactPoint(), process);
    }

    /** A Cassandra started on its own by {@link #startCassandra}; closing stops it cleanly. */
    public static final class StandaloneCassandra implements AutoCloseable {
        private final InetSocketAddress contactPoint;
        private final ServerProcess process;

        private StandaloneCassandra(InetSocketAddress contactPoint, ServerProcess process) {
            this.contactPoint = contactPoint;
            this.process = process;
        }

        public InetSocketAddress contactPoint() {
            return contactPoint;
        }

        @Override
        public void close() {
            process.close();
        }
    }

    private static SupervisedServer supervise(
            String name,
            String version,
            String address,
            SupervisedServer.Launcher launcher,
            ServerProcess.ReadinessProbe probe,
            ClusterSettings settings,
            RestartPolicy restarts,
            Consumer<String> progress) {
        long begin = System.nanoTime();
        progress.accept("Starting " + name + " " + version + " on " + address + " ...");
        SupervisedServer server =
                SupervisedServer.start(name, launcher, probe, settings.startTimeout(), restarts, progress);
        progress.accept(String.format(
                "%s %s ready on %s in %.1f s (pid %d, log %s)",
                name, version, address, (System.nanoTime() - begin) / 1e9, server.pid(), server.serverLog()));
        return server;
    }

    private static ServerProcess startAndAwait(
            String label,
            String address,
            SupervisedServer.Launcher starter,
            ServerProcess.ReadinessProbe probe,
            ClusterSettings settings,
            Consumer<String> progress) {
        long begin = System.nanoTime();
        progress.accept("Starting " + label + " on " + address + " ...");
        ServerProcess process = starter.launch();
        process.awaitReady(probe, settings.startTimeout());
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        progress.accept(String.format(
                "%s ready on %s in %.1f s (pid %d, log %s)",
                label, address, took.toMillis() / 1000.0, process.pid(), process.serverLog()));
        return process;
    }

    private static void requireFreeIfConfigured(ClusterSettings settings) {
        if (settings.kafkaPort() != 0) {
            Ports.requireFree(KafkaServer.NAME, "Kafka broker", settings.kafkaPort(), "--kafka-port");
        }
        if (settings.kafkaControllerPort() != 0) {
            Ports.requireFree(
                    KafkaServer.NAME, "KRaft controller", settings.kafkaControllerPort(), "--kafka-controller-port");
        }
        if (settings.cassandraPort() != 0) {
            Ports.requireFree(CassandraServer.NAME, "CQL", settings.cassandraPort(), "--cassandra-port");
        }
        if (settings.cassandraStoragePort() != 0) {
            Ports.requireFree(
                    CassandraServer.NAME, "storage", settings.cassandraStoragePort(), "--cassandra-storage-port");
        }
    }

    private static void stopQuietly(CompletableFuture<SupervisedServer> start) {
        start.thenAccept(SupervisedServer::close).exceptionally(failure -> null).join();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * What a Kafka client needs besides {@link #kafkaBootstrapServers()}: nothing, or the SASL/PLAIN
     * login of {@link ClusterSettings#credentials()}.
     */
    public Map<String, String> kafkaClientProperties() {
        return kafka.clientProperties();
    }

    public InetSocketAddress cassandraContactPoint() {
        return cassandra.contactPoint();
    }

    public String cassandraDatacenter() {
        return CassandraServer.DATACENTER;
    }

    public long kafkaPid() {
        return kafkaProcess.pid();
    }

    public long cassandraPid() {
        return cassandraProcess.pid();
    }

    public Path workDir() {
        return workDir;
    }

    /** Both servers up, or one of them down and being restarted by its supervisor. */
    public boolean isRunning() {
        return kafkaProcess.isRunning() && cassandraProcess.isRunning();
    }

    /** Why the cluster is down for good: a server whose supervisor gave up (see {@link RestartPolicy}). */
    public Optional<String> failure() {
        return kafkaProcess.failure().or(cassandraProcess::failure);
    }

    /** Runs {@code listener} after each restart of a server (its pid changed). */
    public void onRestart(Runnable listener) {
        kafkaProcess.onRestart(listener);
        cassandraProcess.onRestart(listener);
    }

    /** Stops both servers in parallel, each with SIGTERM and a grace period. */
    @Override
    public void close() {
        CompletableFuture<Void> stopCassandra = CompletableFuture.runAsync(cassandraProcess::close);
        kafkaProcess.close();
        stopCassandra.join();
    }
}
