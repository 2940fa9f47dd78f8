package cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import bench.SidecarBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pipeline bench sidecar}: the options of {@link SidecarBenchmark}. */
@Command(
        name = "sidecar",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the Spark sidecar: users from users_created to Cassandra (all ids announced on",
            "users_persisted). Each round drains --users waiting in Kafka with a fresh sidecar JVM, then",
            "as many again through the same, warm JVM; it prints the sidecar's own CPU per user, the time",
            "to its first committed micro-batch and users/s, beside the Cassandra driver's own insert rate."
        })
final class BenchSidecarCommand implements Callable<Integer> {

    @Option(
            names = "--users",
            defaultValue = "100000",
            description = "Users per drain: each round has a fresh and a warm drain (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--warm-up",
            defaultValue = "20000",
            description =
                    "Users sent through each path first, unmeasured, to warm Cassandra (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "Measured rounds of each path (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--raw-in-flight",
            defaultValue = "256",
            description = "Concurrent async inserts of the driver-only baseline (default: ${DEFAULT-VALUE}).")
    int rawInFlight;

    @Option(
            names = "--spark-env",
            paramLabel = "NAME=VALUE",
            description =
                    "Extra sidecar setting, repeatable: a PIPELINE_SPARK_* variable or a spark.* property, e.g. PIPELINE_SPARK_MAX_OFFSETS_PER_TRIGGER=20000, spark.cassandra.output.batch.size.rows=64.")
    Map<String, String> sparkEnv = Map.of();

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description =
                    "Where the benchmark's stack keeps its data (default: <project>/work/bench-sidecar, wiped first).")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new SidecarBenchmark(new SidecarBenchmark.Settings(users, warmUp, rounds, rawInFlight, sparkEnv, workDir))
                .run(spec.commandLine().getOut());
        return 0;
    }
}
