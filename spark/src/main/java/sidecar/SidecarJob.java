package sidecar;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the Spark sidecar (the fat jar's Main-Class).
 *
 * <p>For now it only proves the runtime: it validates the settings, starts a real SparkSession,
 * reports what it got and stops. The users_created streaming query arrives in a later issue.
 *
 * <p>A JVM starting this class needs {@link SparkJava17#MODULE_OPTIONS} on its command line, and
 * locally {@code SPARK_LOCAL_IP=127.0.0.1} in its environment: Spark reads the host address from that
 * variable before any SparkConf exists, and otherwise warns and picks the first non-loopback interface.
 */
public final class SidecarJob {

    private SidecarJob() {
    }

    public static void main(String[] args) {
        SidecarSettings settings;
        try {
            settings = SidecarSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            // A configuration error is the operator's to fix: one line, no stack trace, non-zero exit.
            System.err.println("sidecar: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("sidecar settings: " + settings);
        try (SparkSession spark = startSession(settings, "user-pipeline-sidecar")) {
            System.out.println("spark " + spark.version() + " started, master " + spark.sparkContext().master()
                    + ", default parallelism " + spark.sparkContext().defaultParallelism());
        }
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
                .setIfMissing("spark.sql.shuffle.partitions", "4");
        if (settings.isLocalMaster()) {
            // Everything is in one JVM: stay on loopback instead of whatever the host name resolves to.
            // On a cluster the executors must reach the driver, so there these stay Spark's choice.
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.driver.host", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
