package embedded;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark sidecar ({@code spark/}) as a child JVM in {@code local[*]} mode: the embedded default's
 * third server. It runs from {@code spark/target/classes} plus {@code spark/target/classpath.txt}
 * (no fat jar needed), with Spark's Java 17 module options, configured only through its environment
 * (the {@code PIPELINE_*} variables of {@code sidecar.SidecarSettings}), and through
 * {@link ParentWatchdog} like the other servers, so it never outlives this process.
 *
 * <p>Ready once the streaming query has started: the sidecar prints {@value #READY_MARKER} then.
 */
public final class SparkSidecar implements AutoCloseable {

    public static final String NAME = "Spark sidecar";
    static final String READY_MARKER = "sidecar query ";
    /** The sidecar prints where its Spark UI is, when it has one, on a line of its own after this. */
    static final String UI_MARKER = "sidecar Spark UI at ";

    private static final String MAIN_CLASS = "sidecar.SidecarJob";
    private static final Pattern SPARK_OPTIONS_PROPERTY =
            Pattern.compile("<spark\\.java17\\.options>([^<]+)</spark\\.java17\\.options>");

    /**
     * Where the sidecar reads, writes and keeps its state.
     *
     * @param topicPrefix put before the three contract topic names ("" for the plain names)
     * @param workDir     holds the checkpoint ({@code spark/checkpoints}), Spark's scratch space and
     *                    {@code logs/sidecar.log}; the same dir across restarts resumes the query
     * @param tuning      extra settings: {@code PIPELINE_*} variables (trigger interval, batch size, master)
     *                    go to the environment, {@code spark.*} keys become {@code -D} options, which the
     *                    sidecar's SparkConf reads (e.g. {@code spark.cassandra.output.concurrent.writes})
     */
    public record Config(
            String kafkaBootstrapServers,
            String cassandraHost,
            int cassandraPort,
            String keyspace,
            String datacenter,
            String topicPrefix,
            Path workDir,
            Map<String, String> tuning) {

        public Config {
            workDir = workDir.toAbsolutePath().normalize();
            tuning = Map.copyOf(tuning);
        }

        public Config(
                String kafkaBootstrapServers,
                String cassandraHost,
                int cassandraPort,
                String keyspace,
                String datacenter,
                String topicPrefix,
                Path workDir) {
            this(
                    kafkaBootstrapServers,
                    cassandraHost,
                    cassandraPort,
                    keyspace,
                    datacenter,
                    topicPrefix,
                    workDir,
                    Map.of());
        }

        public Config withTuning(String variable, String value) {
            Map<String, String> more = new LinkedHashMap<>(tuning);
            more.put(variable, value);
            return new Config(
                    kafkaBootstrapServers,
                    cassandraHost,
                    cassandraPort,
                    keyspace,
                    datacenter,
                    topicPrefix,
                    workDir,
                    more);
        }

        public Path checkpointDir() {
            return workDir.resolve("spark").resolve("checkpoints");
        }

        public Path logFile() {
            return workDir.resolve("logs").resolve("sidecar.log");
        }

        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PIPELINE_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            env.put("PIPELINE_CASSANDRA_HOST", cassandraHost);
            env.put("PIPELINE_CASSANDRA_PORT", Integer.toString(cassandraPort));
            env.put("PIPELINE_CASSANDRA_KEYSPACE", keyspace);
            env.put("PIPELINE_CASSANDRA_DC", datacenter);
            env.put("PIPELINE_SPARK_CHECKPOINT_DIR", checkpointDir().toString());
            env.put("PIPELINE_WORK_DIR", workDir.toString());
            env.put("PIPELINE_KAFKA_TOPIC_PREFIX", topicPrefix);
            // Spark reads the host address from this variable before any SparkConf exists
            env.put("SPARK_LOCAL_IP", "127.0.0.1");
            tuning.forEach((key, value) -> {
                if (!key.startsWith("spark.")) {
                    env.put(key, value);
                }
            });
            return env;
        }
    }

    private final SupervisedServer process;
    private final Config config;
    /** Where the log of the current sidecar JVM begins (the log file holds every earlier run too). */
    private final AtomicLong logStart;

    private SparkSidecar(SupervisedServer process, Config config, AtomicLong logStart) {
        this.process = process;
        this.config = config;
        this.logStart = logStart;
    }

    /**
     * Starts the sidecar and returns once its streaming query runs; a sidecar that dies stays down
     * ({@link RestartPolicy#NEVER}). {@code projectHome} holds the built {@code spark/target};
     * {@code progress} gets one line per step.
     */
    public static SparkSidecar start(Path projectHome, Config config, Duration timeout, Consumer<String> progress) {
        return start(projectHome, config, timeout, RestartPolicy.NEVER, progress);
    }

    /**
     * As {@link #start(Path, Config, Duration, Consumer)}, supervised: a sidecar JVM that dies is
     * started again on the same checkpoint as {@code restarts} allows, and resumes where the last
     * committed micro-batch ended; {@code progress} also gets one line per restart.
     */
    public static SparkSidecar start(
            Path projectHome, Config config, Duration timeout, RestartPolicy restarts, Consumer<String> progress) {
        Path classes = projectHome.resolve("spark/target/classes");
        Path classpathFile = projectHome.resolve("spark/target/classpath.txt");
        if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(classes)) {
            throw EmbeddedClusterException.notBuilt(NAME, classpathFile, "./mvnw -f spark/pom.xml -DskipTests package");
        }
        String classpath;
        try {
            classpath = classes
                    + File.pathSeparator
                    + Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw EmbeddedClusterException.io("cannot read " + classpathFile, e);
        }
        progress.accept("Starting " + NAME + " (Spark local mode, checkpoint " + config.checkpointDir() + ") ...");
        return launch(projectHome, config, classpath, MAIN_CLASS, List.of(), timeout, restarts, progress);
    }

    /**
     * Starts the sidecar the way a cluster runs it: {@code spark-submit} ({@code SparkSubmit}, on a
     * classpath of Spark alone, {@code servers/spark}) with the cluster fat jar
     * ({@code spark/target/*-cluster.jar}), which must bring the Kafka source and the Cassandra
     * connector itself. {@code master} is any spark-submit master, e.g. {@code local[2]}.
     */
    public static SparkSidecar submit(
            Path projectHome, String master, Config config, Duration timeout, Consumer<String> progress) {
        Path jar = clusterJar(projectHome.resolve("spark/target"));
        String sparkClasspath = ServerClasspath.resolve(projectHome, "spark", "Spark distribution", progress);
        progress.accept("Submitting " + jar.getFileName() + " to " + master + " with spark-submit ...");
        List<String> args = List.of(
                "--master",
                master,
                "--name",
                "user-pipeline-sidecar",
                "--class",
                MAIN_CLASS,
                "--conf",
                "spark.ui.enabled=false",
                jar.toString());
        return launch(
                projectHome,
                config,
                sparkClasspath,
                "org.apache.spark.deploy.SparkSubmit",
                args,
                timeout,
                RestartPolicy.NEVER,
                progress);
    }

    private static Path clusterJar(Path target) {
        try (var jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().endsWith("-cluster.jar"))
                    .findFirst()
                    .orElseThrow(() -> EmbeddedClusterException.notBuilt(
                            NAME + " cluster jar",
                            target.resolve("*-cluster.jar"),
                            "./mvnw -f spark/pom.xml -Pcluster -DskipTests package"));
        } catch (IOException e) {
            throw EmbeddedClusterException.notBuilt(
                    NAME + " cluster jar",
                    target.resolve("*-cluster.jar"),
                    "./mvnw -f spark/pom.xml -Pcluster -DskipTests package");
        }
    }

    private static SparkSidecar launch(
            Path projectHome,
            Config config,
            String classpath,
            String mainClass,
            List<String> args,
            Duration timeout,
            RestartPolicy restarts,
            Consumer<String> progress) {
        List<String> jvmOptions = new ArrayList<>(sparkJava17Options(projectHome));
        jvmOptions.add("-Xmx1g");
        // Parallel GC rather than G1: on 2 cores it cost the sidecar less CPU per user from a fresh
        // JVM, and no latency goal needs G1's short pauses (docs/benchmarks.md, the sidecar section)
        jvmOptions.add("-XX:+UseParallelGC");
        jvmOptions.add("-Dspark.local.dir=" + config.workDir().resolve("spark-local"));
        config.tuning().forEach((key, value) -> {
            if (key.startsWith("spark.")) {
                jvmOptions.add("-D" + key + "=" + value);
            }
        });
        Path watchdog = ServerProcess.installWatchdog(config.workDir().resolve("lib"));
        Path log = config.logFile();
        // each launch waits for the ready line it printed itself, not one of an earlier run
        AtomicLong logStart = new AtomicLong();
        long begin = System.nanoTime();
        SupervisedServer process = SupervisedServer.start(
                NAME,
                () -> {
                    logStart.set(sizeOf(log));
                    return ServerProcess.start(
                            NAME,
                            JavaRuntime.current(),
                            jvmOptions,
                            classpath,
                            watchdog,
                            mainClass,
                            args,
                            config.environment(),
                            log,
                            log);
                },
                () -> {
                    if (!logSince(log, logStart.get()).contains(READY_MARKER)) {
                        throw new IllegalStateException("the streaming query has not started yet");
                    }
                },
                timeout,
                restarts,
                progress);
        progress.accept(String.format(
                "%s ready in %.1f s (pid %d, log %s)", NAME, (System.nanoTime() - begin) / 1e9, process.pid(), log));
        return new SparkSidecar(process, config, logStart);
    }

    /**
     * Spark 3.5's Java 17 module options, from their one source: the {@code spark.java17.options}
     * property of spark/pom.xml (the sidecar's own test checks its {@code SparkJava17} list against it).
     */
    static List<String> sparkJava17Options(Path projectHome) {
        Path pom = projectHome.resolve("spark/pom.xml");
        try {
            Matcher options = SPARK_OPTIONS_PROPERTY.matcher(Files.readString(pom));
            if (!options.find()) {
                throw EmbeddedClusterException.misconfigured("no <spark.java17.options> in " + pom);
            }
            return List.of(options.group(1).strip().split("\\s+"));
        } catch (IOException e) {
            throw EmbeddedClusterException.io("cannot read " + pom, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** True while the sidecar's current JVM is alive (false while its supervisor restarts it). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Up, or down and being restarted: false once its supervisor gave up, or after {@link #close()}. */
    public boolean isRunning() {
        return process.isRunning();
    }

    /** Why the sidecar is down for good, once its supervisor gave up (or at its first death under NEVER). */
    public Optional<String> failure() {
        return process.failure();
    }

    /** Runs {@code listener} after each restart of the sidecar JVM (its pid changed). */
    public void onRestart(Runnable listener) {
        process.onRestart(listener);
    }

    public Path logFile() {
        return config.logFile();
    }

    public Config config() {
        return config;
    }

    /**
     * Where the current sidecar JVM's Spark UI answers, as Spark bound it (it moves past a port in
     * use), when the UI is on ({@code spark.ui.enabled=true} in the tuning).
     */
    public Optional<String> uiUrl() {
        String log = logSince(config.logFile(), logStart.get());
        int at = log.lastIndexOf(UI_MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        int end = log.indexOf('\n', at);
        return Optional.of(log.substring(at + UI_MARKER.length(), end < 0 ? log.length() : end)
                .strip());
    }

    /** The sidecar's log so far (this and earlier runs in the same work dir), for error messages. */
    public String log() {
        return logSince(config.logFile(), 0);
    }

    /** Ends supervision, then SIGTERM (the query stops after its current batch), SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        process.close();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String logSince(Path file, long offset) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length() - offset;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, 4 << 20)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
