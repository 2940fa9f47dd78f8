package sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that Spark 3.5 really runs in this JVM on Java 17 with the module options from the pom,
 * bound to loopback, through the same session set-up the sidecar uses.
 */
class SparkSessionIT {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        SidecarSettings settings = SidecarSettings.fromEnvironment(java.util.Map.of(
                "PIPELINE_SPARK_MASTER", "local[2]",
                "PIPELINE_WORK_DIR", "target/it-work"));
        spark = SidecarJob.startSession(settings, "SparkSessionIT");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void given_the_sidecar_session_settings_when_started_locally_then_spark_binds_to_loopback_without_a_ui() {
        assertThat(spark.version()).startsWith("3.5.");
        assertThat(spark.sparkContext().master()).isEqualTo("local[2]");
        assertThat(spark.conf().get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
        assertThat(spark.conf().get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(spark.conf().get("spark.ui.enabled")).isEqualTo("false");
        assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("4");
    }

    @Test
    void given_users_delivered_more_than_once_when_deduplicated_by_id_then_each_id_is_kept_once() {
        StructType schema = new StructType()
                .add("id", DataTypes.StringType, false)
                .add("run_id", DataTypes.StringType, false)
                .add("email", DataTypes.StringType, true);
        List<Row> deliveries = List.of(
                RowFactory.create("0b7a1f2e-0000-4000-8000-000000000001", "run-1", "ada@example.com"),
                RowFactory.create("0b7a1f2e-0000-4000-8000-000000000002", "run-1", "grace@example.com"),
                // At-least-once delivery from Kafka: the same profile again, in the same and a later run.
                RowFactory.create("0b7a1f2e-0000-4000-8000-000000000001", "run-1", "ada@example.com"),
                RowFactory.create("0b7a1f2e-0000-4000-8000-000000000001", "run-2", "ada@example.com"),
                RowFactory.create("0b7a1f2e-0000-4000-8000-000000000003", "run-2", "linus@example.com"));
        Dataset<Row> users = spark.createDataFrame(deliveries, schema);

        Dataset<Row> unique = users.dropDuplicates("id");

        // One Spark action only: a list, so a surviving duplicate would show in the size.
        List<String> ids = unique.select("id").as(Encoders.STRING()).collectAsList();

        assertThat(ids)
                .hasSize(3)
                .containsExactlyInAnyOrder(
                        "0b7a1f2e-0000-4000-8000-000000000001",
                        "0b7a1f2e-0000-4000-8000-000000000002",
                        "0b7a1f2e-0000-4000-8000-000000000003");
    }
}
