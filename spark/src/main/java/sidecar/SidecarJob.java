package sidecar;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.datastax.spark.connector.cql.CassandraConnector;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import scala.Option;
import scala.Tuple2;
import sidecar.record.MessageLimits;

/**
 * Entry point of the Spark sidecar (the fat jar's Main-Class).
 *
 * <p>Runs one Structured Streaming query: {@code users_created} from Kafka, each micro-batch handed
 * to {@link UsersBatchWriter} (dead letters, Cassandra upserts, then {@code users_persisted}). Runs
 * until the JVM is stopped; the checkpoint makes a restart continue where the last committed batch
 * ended. A query that fails (an outage of Cassandra or Kafka fails its batch) is started again with
 * backoff ({@link QueryRestarts}); when the restarts are used up the JVM exits with
 * {@value #EXIT_GAVE_UP}.
 *
 * <p>A JVM starting this class needs {@link SparkJava17#MODULE_OPTIONS} on its command line, and
 * locally {@code SPARK_LOCAL_IP=127.0.0.1} in its environment: Spark reads the host address from that
 * variable before any SparkConf exists, and otherwise warns and picks the first non-loopback interface.
 */
public final class SidecarJob {

    private SidecarJob() {}

    /**
     * Exit code when the query kept failing, or Cassandra could not be reached at start: the embedded
     * stack's supervisor then restarts the whole JVM, with its own backoff.
     */
    static final int EXIT_GAVE_UP = 3;

    public static void main(String[] args) throws TimeoutException {
        SidecarSettings settings;
        QueryRestarts restarts;
        try {
            settings = SidecarSettings.fromEnvironment(System.getenv());
            restarts = QueryRestarts.fromSettings(settingsOf(new SparkConf(true)));
        } catch (IllegalArgumentException e) {
            // A configuration error is the operator's to fix: one line, no stack trace, non-zero exit.
            System.err.println("sidecar: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("sidecar settings: " + settings);
        settings.warnings().forEach(warning -> System.out.println("sidecar: WARNING: " + warning));
        SparkSession spark = startSession(settings, "user-pipeline-sidecar");
        System.out.println("spark " + spark.version() + " started, master "
                + spark.sparkContext().master() + ", default parallelism "
                + spark.sparkContext().defaultParallelism());
        Option<String> ui = spark.sparkContext().uiWebUrl();
        if (ui.isDefined()) {
            // the parent reads the URL from here: Spark moves past a port in use, so only it knows
            System.out.println("sidecar Spark UI at " + ui.get());
        }
        try {
            warmUpCassandra(spark);
        } catch (RuntimeException e) {
            // e.g. restarted while Cassandra is still down: the embedded stack's supervisor tries again later
            System.out.println("sidecar: cannot reach Cassandra at start: " + QueryRestarts.describe(e));
            spark.stop();
            System.exit(EXIT_GAVE_UP);
        }
        UsersBatchWriter writer = new UsersBatchWriter(settings);
        AtomicReference<StreamingQuery> running = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            StreamingQuery query = running.get();
                            // Spark's own shutdown hook may have stopped the context first: then the query is gone
                            // already.
                            if (query != null && !spark.sparkContext().isStopped()) {
                                try {
                                    query.stop();
                                } catch (TimeoutException | RuntimeException e) {
                                    System.err.println("sidecar: query did not stop cleanly: " + e);
                                }
                            }
                            writer.close();
                        },
                        "sidecar-shutdown"));
        if (!runUntilStopped(spark, settings, writer, restarts, running, stopping)) {
            spark.stop();
            System.exit(EXIT_GAVE_UP);
        }
    }

    /**
     * Runs the query, and starts it again after a failure as {@code restarts} decides, until the JVM
     * is stopped (true) or the restarts are used up (false). Only this thread starts queries, one at
     * a time: a new query is started only once the failed one has terminated.
     */
    static boolean runUntilStopped(
            SparkSession spark,
            SidecarSettings settings,
            UsersBatchWriter writer,
            QueryRestarts restarts,
            AtomicReference<StreamingQuery> running,
            AtomicBoolean stopping)
            throws TimeoutException {
        while (!stopping.get()) {
            StreamingQuery query = start(spark, settings, writer);
            running.set(query);
            System.out.println("sidecar query " + query.id() + " reading " + settings.sourceTopic() + ", checkpoint "
                    + settings.checkpointDir());
            try {
                query.awaitTermination();
                return true; // stopped on purpose: the shutdown hook, or Spark's own
            } catch (StreamingQueryException failure) {
                if (stopping.get() || spark.sparkContext().isStopped()) {
                    return true;
                }
                QueryRestarts.Decision decision = restarts.onFailure(failure, query.recentProgress().length > 0);
                System.out.println(decision.line());
                if (!decision.restart()) {
                    return false;
                }
                pause(decision.delay(), stopping);
            }
        }
        return true;
    }

    /** Sleeps, in short steps so that a shutdown during the wait is not held up. */
    private static void pause(Duration delay, AtomicBoolean stopping) {
        long until = System.nanoTime() + delay.toNanos();
        while (!stopping.get() && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Map<String, String> settingsOf(SparkConf conf) {
        Map<String, String> all = new HashMap<>();
        for (Tuple2<String, String> entry : conf.getAll()) {
            all.put(entry._1(), entry._2());
        }
        return all;
    }

    /**
     * Opens the connector's session before the first micro-batch needs it (and fails fast, with the
     * driver's message, when Cassandra is unreachable), so the first run's users are not the slow ones.
     */
    private static void warmUpCassandra(SparkSession spark) {
        try (var session =
                CassandraConnector.apply(spark.sparkContext().getConf()).openSession()) {
            System.out.println("sidecar connected to Cassandra "
                    + session.getMetadata().getNodes().values().stream()
                            .map(node -> node.getEndPoint() + " " + node.getCassandraVersion())
                            .toList());
        }
    }

    /** Starts the users_created query; every micro-batch goes through {@code writer}. */
    static StreamingQuery start(SparkSession spark, SidecarSettings settings, UsersBatchWriter writer)
            throws TimeoutException {
        Dataset<Row> source = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.kafkaBootstrapServers())
                .option("subscribe", settings.sourceTopic())
                .option("startingOffsets", "earliest")
                .option("failOnDataLoss", "false")
                .option("maxOffsetsPerTrigger", Long.toString(settings.maxOffsetsPerTrigger()))
                // a task's first poll waited out the broker's whole fetch.max.wait.ms (500 ms) even
                // though its records were there: half a second on every small micro-batch
                .option("kafka.fetch.max.wait.ms", "10")
                // the source bounds a micro-batch by offsets only; bytes are bounded per fetch here and per
                // chunk in the tasks (PartitionParser; docs/running.md, "How big a micro-batch gets")
                .option("kafka.max.partition.fetch.bytes", Integer.toString(MessageLimits.TOPIC_MAX_MESSAGE_BYTES))
                .options(settings.kafkaSecurity().sourceOptions())
                .load();
        VoidFunction2<Dataset<Row>, Long> perBatch = (batch, batchId) -> {
            UUID queryId = queryId(batch.sparkSession());
            UsersBatchWriter.BatchStats stats = writer.write(batch, batchId, queryId);
            System.out.println("sidecar " + stats);
        };
        return source.writeStream()
                .queryName("users_created_to_cassandra")
                .option("checkpointLocation", settings.checkpointDir())
                .trigger(Trigger.ProcessingTime(settings.triggerInterval().toMillis()))
                .foreachBatch(perBatch)
                .start();
    }

    /**
     * The running query's id, which Spark keeps in the checkpoint (stable across restarts). Stream
     * execution sets it as a local property of the thread that runs {@code foreachBatch}.
     */
    static UUID queryId(SparkSession spark) {
        String id = spark.sparkContext().getLocalProperty("sql.streaming.queryId");
        if (id == null) {
            throw new IllegalStateException("no streaming query id on this thread");
        }
        return UUID.fromString(id);
    }

    /**
     * Builds the session. Values are only defaults ({@code setIfMissing}): anything given through
     * {@code spark-submit --conf} or {@code -Dspark.*} wins, so a cluster is configured without code.
     */
    static SparkSession startSession(SidecarSettings settings, String appName) {
        // loadDefaults=true picks up spark.* system properties and spark-submit's configuration.
        SparkConf conf = new SparkConf(true)
                .setIfMissing("spark.master", settings.sparkMaster())
                .setIfMissing("spark.app.name", appName)
                // The UI opens a port (4040+) per session: noise on a laptop, a clash between parallel tests.
                .setIfMissing("spark.ui.enabled", "false")
                // The default 200 shuffle partitions mean 200 tiny tasks per micro-batch on 2 cores.
                .setIfMissing("spark.sql.shuffle.partitions", "4")
                .setIfMissing("spark.cassandra.connection.host", settings.cassandraHost())
                .setIfMissing("spark.cassandra.connection.port", Integer.toString(settings.cassandraPort()))
                .setIfMissing("spark.cassandra.connection.localDC", settings.cassandraDatacenter())
                // UsersBatchWriter reads these two: async writes in flight per task, and rows per
                // single-partition users_by_run batch
                .setIfMissing(UsersBatchWriter.IN_FLIGHT_SETTING, Integer.toString(UsersBatchWriter.DEFAULT_IN_FLIGHT))
                .setIfMissing(
                        UsersBatchWriter.RUN_BATCH_ROWS_SETTING,
                        Integer.toString(UsersBatchWriter.DEFAULT_RUN_BATCH_ROWS))
                // the connector closes an idle session after 5 s: a stream that waits for the next run
                // would then pay a new connection and re-preparation on its first batch
                .setIfMissing("spark.cassandra.connection.keepAliveMS", "600000")
                // Riding out a Cassandra stall or restart is the query restart's job (runUntilStopped),
                // with backoff and a log line; the driver's own part is to fail a batch in bounded time
                // and to be connected again soon after Cassandra is back:
                // - a write on a stalled node fails after 30 s, not the connector's 2 min;
                .setIfMissing("spark.cassandra.read.timeoutMS", "30000")
                // - a timed-out write is retried at once on the same node: 10 times, not 60, so that
                //   an overloaded node is not flooded (every statement is idempotent, so retries are safe);
                .setIfMissing("spark.cassandra.query.retry.count", "10")
                // - a node that went down is tried again at most every 5 s, not every 60 s.
                .setIfMissing("spark.cassandra.connection.reconnectionDelayMS.min", "500")
                .setIfMissing("spark.cassandra.connection.reconnectionDelayMS.max", "5000")
                .setIfMissing("spark.sql.streaming.stopGracefullyOnShutdown", "true");
        // the connector's login and TLS: only defaults too, so --conf may name other credentials
        settings.cassandraSecurity().sparkConf().forEach(conf::setIfMissing);
        if (settings.isLocalMaster()) {
            // Everything is in one JVM: stay on loopback instead of whatever the host name resolves to.
            // On a cluster the executors must reach the driver, so there these stay Spark's choice.
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
