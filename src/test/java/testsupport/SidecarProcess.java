package testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark sidecar as a child JVM, started the way the embedded stack starts it: Spark's Java 17
 * module options, {@code spark/target/classes} plus {@code spark/target/classpath.txt}, configuration
 * only through the environment, output appended to a log file.
 */
public final class SidecarProcess implements AutoCloseable {

    /**
     * Spark 3.5's Java 17 module options, read from their one source: the {@code spark.java17.options}
     * property of spark/pom.xml (the sidecar's own test checks its {@code SparkJava17} list against it).
     */
    static List<String> sparkJava17Options(Path projectHome) {
        try {
            String pom = Files.readString(projectHome.resolve("spark/pom.xml"));
            Matcher options = SPARK_OPTIONS_PROPERTY.matcher(pom);
            if (!options.find()) {
                throw new IllegalStateException("no <spark.java17.options> in spark/pom.xml");
            }
            return List.of(options.group(1).strip().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern SPARK_OPTIONS_PROPERTY =
            Pattern.compile("<spark\\.java17\\.options>([^<]+)</spark\\.java17\\.options>");

    /** What the child needs to know; the checkpoint dir stays the same across a restart. */
    public record Config(String kafkaBootstrapServers, String cassandraHost, int cassandraPort, String keyspace,
                         String datacenter, String topicPrefix, Path workDir) {

        public Path checkpointDir() {
            return workDir.resolve("spark").resolve("checkpoints");
        }

        public Path logFile() {
            return workDir.resolve("sidecar.log");
        }
    }

    private final Process process;
    private final Config config;

    private SidecarProcess(Process process, Config config) {
        this.process = process;
        this.config = config;
    }

    public static SidecarProcess start(Config config) {
        Path home = Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath();
        Path classes = home.resolve("spark/target/classes");
        Path classpathFile = home.resolve("spark/target/classpath.txt");
        if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(classes)) {
            throw new IllegalStateException(classpathFile + " is missing: build the Spark sidecar first with"
                    + " `./mvnw -f spark/pom.xml package` (`./pipeline test` builds spark before the monolith)");
        }
        try {
            String classpath = classes + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(sparkJava17Options(home));
            command.add("-Xmx1g");
            command.add("-Dspark.local.dir=" + config.workDir().resolve("spark-local").toAbsolutePath());
            command.add("-cp");
            command.add(classpath);
            command.add("sidecar.SidecarJob");
            Files.createDirectories(config.workDir());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile().toFile()));
            Map<String, String> env = builder.environment();
            env.put("PIPELINE_KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
            env.put("PIPELINE_CASSANDRA_HOST", config.cassandraHost());
            env.put("PIPELINE_CASSANDRA_PORT", Integer.toString(config.cassandraPort()));
            env.put("PIPELINE_CASSANDRA_KEYSPACE", config.keyspace());
            env.put("PIPELINE_CASSANDRA_DC", config.datacenter());
            env.put("PIPELINE_SPARK_CHECKPOINT_DIR", config.checkpointDir().toAbsolutePath().toString());
            env.put("PIPELINE_WORK_DIR", config.workDir().toAbsolutePath().toString());
            env.put("PIPELINE_KAFKA_TOPIC_PREFIX", config.topicPrefix());
            env.put("SPARK_LOCAL_IP", "127.0.0.1");
            return new SidecarProcess(builder.start(), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Spark sidecar", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return config.logFile();
    }

    /** The log so far, for assertion messages. */
    public String log() {
        try {
            return Files.exists(config.logFile()) ? Files.readString(config.logFile()) : "";
        } catch (IOException e) {
            return "(cannot read " + config.logFile() + ": " + e + ")";
        }
    }

    /** A crash: SIGKILL, no shutdown hook runs. */
    public void kill9() {
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM (the query stops gracefully), SIGKILL after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(20)) {
            kill9();
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
