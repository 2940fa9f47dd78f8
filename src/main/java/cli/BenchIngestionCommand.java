package cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import bench.IngestionBenchmark;
import domain.run.RequestLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pipeline bench ingestion}: the options of {@link IngestionBenchmark}. */
@Command(
        name = "ingestion",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the ingestion core: users/s from the loopback source into the event store,",
            "and from the event store to Kafka, beside a producer-only baseline. Prints figures."
        })
final class BenchIngestionCommand implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "100000", description = "Users to ingest (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--page-size",
            defaultValue = "" + RequestLimits.MAX_PAGE_SIZE,
            description = "Users per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Where the benchmark's stack keeps its data (default: <project>/work/bench, wiped first).")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new IngestionBenchmark(new IngestionBenchmark.Settings(users, pageSize, workDir))
                .run(spec.commandLine().getOut());
        return 0;
    }
}
